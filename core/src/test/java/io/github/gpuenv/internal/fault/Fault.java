package io.github.gpuenv.internal.fault;

import java.time.Duration;

/**
 * What a stand-in command does wrong. Each is a {@code /bin/sh} body; {@code $DIR} is the stand-in directory,
 * {@code $VALID} a file holding what the real command prints, {@code $DIR/sleeper} a copy of {@code sleep} (so that
 * its process names the stand-in directory and can be found afterwards).
 *
 * <p>{@code Fault.HANG.script()}
 */
enum Fault {
    /** Never answers. */
    HANG("exec \"$DIR/sleeper\" 3600"),
    /** Answers correctly, but only after the probe timeout has passed. */
    SLOW("\"$DIR/sleeper\" " + (StandIns.SHORT_PROBE_TIMEOUT.toMillis() * 2 / 1000.0) + "\ncat \"$VALID\""),
    /** Dies of SIGSEGV. */
    CRASH("kill -SEGV $$"),
    /** Prints 5 MB of text that is not the format, and exits 0. */
    FLOOD("yes 'garbage: no GPU, no build, no library here' | head -c 5242880"),
    /** Prints bytes that are not text, and exits 0. */
    BINARY("i=0\nwhile [ $i -lt 64 ]; do printf '\\000\\377\\376\\001\\177ELF\\033[31m\\200\\201\\r'; i=$((i+1)); done"),
    /** Exits 0 having printed nothing. */
    EMPTY("exit 0"),
    /** Closes stdout and stderr, then keeps running. */
    CLOSED_STDOUT("exec >&- 2>&-\nexec \"$DIR/sleeper\" 3600"),
    /** Prints the right answer and exits 0, leaving a grandchild that holds the output pipe open. */
    GRANDCHILD("cat \"$VALID\"\n\"$DIR/sleeper\" 3600 &\nexit 0");

    private final String body;

    Fault(String body) {
        this.body = body;
    }

    /** The shell script of this fault, {@code prelude} (which sets {@code DIR} and {@code VALID}) first. */
    String script(String prelude) {
        return "#!/bin/sh\n# gpuenv fault-injection stand-in: " + name() + "\n" + prelude + body + "\n";
    }

    /** The probe timeout to detect with: long enough for the 2 s grace the runner gives a held pipe, twice. */
    Duration probeTimeout() {
        return this == GRANDCHILD ? Duration.ofSeconds(6) : StandIns.SHORT_PROBE_TIMEOUT;
    }
}
