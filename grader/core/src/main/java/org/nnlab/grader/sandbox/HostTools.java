package org.nnlab.grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The host programs the sandbox wraps a command in, found by absolute path, and what the installed bubblewrap
 * supports.
 *
 * @param shell                 /bin/sh, which joins the job's cgroups and execs the rest
 * @param env                   coreutils env, which clears the environment of the wrapper chain
 * @param nice                  coreutils nice, which lowers the job's CPU priority
 * @param timeout               coreutils timeout, the wall-clock limit
 * @param prlimit               util-linux prlimit, the rlimits
 * @param setpriv               util-linux setpriv, which drops root for the job's uid
 * @param bwrap                 bubblewrap
 * @param bwrapVersion          what {@code bwrap --version} says, e.g. "bubblewrap 0.8.0"
 * @param bwrapDisablesUserns   whether this bwrap has {@code --disable-userns} (0.8.0 and later)
 */
record HostTools(Path shell, Path env, Path nice, Path timeout, Path prlimit, Path setpriv, Path bwrap,
                 String bwrapVersion, boolean bwrapDisablesUserns) {

    private static final List<Path> SEARCH = List.of(Path.of("/usr/bin"), Path.of("/bin"), Path.of("/usr/sbin"),
            Path.of("/sbin"), Path.of("/usr/local/bin"));

    /**
     * Finds the programs and asks bwrap what it supports.
     *
     * @return the tools
     * @throws SandboxUnavailableException naming the missing program and the package that installs it
     */
    static HostTools find() {
        Path shell = require("sh", "dash");
        Path env = require("env", "coreutils");
        Path nice = require("nice", "coreutils");
        Path timeout = require("timeout", "coreutils");
        Path prlimit = require("prlimit", "util-linux");
        Path setpriv = require("setpriv", "util-linux");
        Path bwrap = require("bwrap", "bubblewrap");
        String version = output(List.of(bwrap.toString(), "--version")).strip();
        boolean disablesUserns = output(List.of(bwrap.toString(), "--help")).contains("--disable-userns");
        return new HostTools(shell, env, nice, timeout, prlimit, setpriv, bwrap, version, disablesUserns);
    }

    private static Path require(String program, String debianPackage) {
        return locate(program).orElseThrow(() -> new SandboxUnavailableException(
                (program.equals("bwrap") ? "bubblewrap" : program) + " is not installed: run 'apt-get install "
                        + debianPackage + "'"));
    }

    /**
     * @param program a program name
     * @return its absolute path in the system directories, if it is there and executable
     */
    static Optional<Path> locate(String program) {
        return SEARCH.stream().map(dir -> dir.resolve(program)).filter(Files::isExecutable).findFirst();
    }

    private static String output(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().clear();
            ProcessSupervisor.Finished finished = ProcessSupervisor.run(builder, Duration.ofSeconds(10), 64 * 1024,
                    ProcessTree.justTheProcess());
            finished.throwIfInterrupted();
            return finished.stdout().text() + finished.stderr().text();
        } catch (IOException e) {
            throw new SandboxUnavailableException("cannot run " + command.get(0) + " (" + e + ")");
        }
    }
}
