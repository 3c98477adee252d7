package org.nnlab.grader.run;

/**
 * How a GPU worker's slot trains: in a harness JVM with ND4J's CUDA backend (a grader home built with {@code mvn -P
 * cuda package}: {@code grader/harness-cuda/target/grader-home}), on one GPU. Compilation and evaluation stay on the
 * CPU: saved networks do not depend on the backend that trained them.
 *
 * @param home    the grader home with the CUDA backend
 * @param natives where its native libraries (ND4J's CUDA build and the CUDA runtime) are unpacked
 * @param device  the GPU and the device memory one job may use
 */
public record GpuTraining(GraderHome home, NativeLibraries natives, GpuDevice device) {
}
