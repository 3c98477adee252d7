package org.nnlab.worker;

import java.util.function.Supplier;
import org.nnlab.grader.Grader;

/**
 * One job at a time of a worker pool: a thread that claims jobs of its kind and grades them with its grader.
 *
 * @param name   its name within the pool, recorded in the jobs it claims after the pool's node name
 * @param gpu    whether it trains on a GPU, and so claims jobs of labs that want one
 * @param grader its grader, made on first use
 */
public record WorkerSlot(String name, boolean gpu, Supplier<Grader> grader) {

    /** @return the {@code number}th CPU slot, e.g. {@code worker-1} */
    public static WorkerSlot cpu(int number, Supplier<Grader> grader) {
        return new WorkerSlot("worker-" + number, false, grader);
    }

    /** @return the {@code number}th slot on GPU {@code device}, e.g. {@code gpu0-worker-2} */
    public static WorkerSlot gpu(int device, int number, Supplier<Grader> grader) {
        return new WorkerSlot("gpu" + device + "-worker-" + number, true, grader);
    }
}
