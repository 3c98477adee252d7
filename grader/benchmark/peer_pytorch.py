#!/usr/bin/env python3
"""The PyTorch peer of nnlab's grading benchmark: the digits regularization lab's two models, trained on CPU with
one thread, on the very rows nnlab trains with.

    python3 peer_pytorch.py TRAIN.bin VALIDATION.bin [--epochs 40] [--batch-size 32] [--seed 42]

TRAIN.bin and VALIDATION.bin are nnlab matrix files (the ones the training sandbox reads: magic NNLM, version,
rows, columns, a label flag, then big-endian float32 values and int32 labels), written by `nnlab benchmark` from
the lab's split. Prints one JSON line: seconds per model, final and best validation accuracy, the learning rate
schedule of B, and the versions used.

The models match the reference solution (labs/digits-regularization/reference/Solution.java):
  - 64-128-64-10, ReLU, softmax with cross-entropy; He-normal weights (DL4J WeightInit.RELU), zero biases;
  - A: Adam(lr 1e-3, betas 0.9/0.999, eps 1e-8), no regularization;
  - B: the same plus DL4J's WeightDecay(1e-4, applyLR=true) on the weights of every layer, which is decoupled
    weight decay (w -= lr * 1e-4 * w after the Adam step, biases untouched): torch.optim.AdamW on the weights;
    dropout with drop probability 0.2 on the inputs of the second hidden layer and of the output layer
    (DL4J dropOut(0.8) is the retain probability; both are inverted dropout);
    after every epoch: when the validation loss is not below best * (1 - 1e-4) for 3 epochs (patience), the
    learning rate halves and the count restarts;
  - per epoch, a fresh shuffle, minibatches of 32 (the last one smaller), and one measurement of the validation
    part in inference mode, as nnlab's harness records each epoch.
"""
import argparse
import json
import struct
import time

import numpy as np
import torch
from torch import nn

MAGIC = 0x4E4E4C4D


def read_matrix(path):
    """Reads an nnlab matrix file: (features float32 [rows, columns], labels int64 [rows])."""
    with open(path, "rb") as f:
        data = f.read()
    magic, version, rows, columns = struct.unpack(">iiii", data[:16])
    if magic != MAGIC or version != 1 or data[16] != 1:
        raise ValueError(f"{path} is not a labelled nnlab matrix file")
    values = np.frombuffer(data, dtype=">f4", count=rows * columns, offset=17).astype(np.float32)
    labels = np.frombuffer(data, dtype=">i4", count=rows, offset=17 + 4 * rows * columns).astype(np.int64)
    return torch.from_numpy(values.reshape(rows, columns).copy()), torch.from_numpy(labels.copy())


def mlp(drop_probability):
    layers = [nn.Linear(64, 128), nn.ReLU()]
    if drop_probability > 0:
        layers.append(nn.Dropout(drop_probability))
    layers += [nn.Linear(128, 64), nn.ReLU()]
    if drop_probability > 0:
        layers.append(nn.Dropout(drop_probability))
    layers.append(nn.Linear(64, 10))
    model = nn.Sequential(*layers)
    for layer in model:
        if isinstance(layer, nn.Linear):
            nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
            nn.init.zeros_(layer.bias)
    return model


def optimizer(model, weight_decay):
    weights = [p for name, p in model.named_parameters() if name.endswith("weight")]
    biases = [p for name, p in model.named_parameters() if name.endswith("bias")]
    return torch.optim.AdamW([{"params": weights, "weight_decay": weight_decay},
                              {"params": biases, "weight_decay": 0.0}],
                             lr=1e-3, betas=(0.9, 0.999), eps=1e-8)


def train(x, y, vx, vy, epochs, batch_size, seed, regularized):
    torch.manual_seed(seed)
    model = mlp(0.2 if regularized else 0.0)
    opt = optimizer(model, 1e-4 if regularized else 0.0)
    loss_fn = nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(seed)
    best_loss, waited, rate = float("inf"), 0, 1e-3
    accuracies, rates = [], []
    start = time.perf_counter()
    for epoch in range(epochs):
        model.train()
        order = torch.randperm(x.shape[0], generator=generator)
        for first in range(0, x.shape[0], batch_size):
            batch = order[first:first + batch_size]
            opt.zero_grad(set_to_none=True)
            loss_fn(model(x[batch]), y[batch]).backward()
            opt.step()
        model.eval()
        with torch.no_grad():
            logits = model(vx)
            validation_loss = loss_fn(logits, vy).item()
            accuracies.append((logits.argmax(1) == vy).float().mean().item())
        if regularized:
            if validation_loss < best_loss * (1 - 1e-4):
                best_loss, waited = validation_loss, 0
            else:
                waited += 1
                if waited >= 3:
                    rate *= 0.5
                    for group in opt.param_groups:
                        group["lr"] = rate
                    waited = 0
        rates.append(rate)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "finalValidationAccuracy": accuracies[-1],
            "bestValidationAccuracy": max(accuracies), "finalLearningRate": rates[-1]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("train")
    parser.add_argument("validation")
    parser.add_argument("--epochs", type=int, default=40)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    torch.set_num_threads(1)
    x, y = read_matrix(args.train)
    vx, vy = read_matrix(args.validation)
    result = {"torch": torch.__version__, "threads": torch.get_num_threads(),
              "trainingRows": x.shape[0], "validationRows": vx.shape[0], "epochs": args.epochs}
    for name, regularized in (("A", False), ("B", True)):
        result[name] = train(x, y, vx, vy, args.epochs, args.batch_size, args.seed, regularized)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
