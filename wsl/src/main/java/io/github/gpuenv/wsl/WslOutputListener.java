package io.github.gpuenv.wsl;

/**
 * Receives a running command's output line by line (UTF-8, without the line end), as it is printed. Called from
 * two reader threads — one per stream — so an implementation that shares state between the two methods must be
 * thread-safe. It should return quickly; a listener that throws loses the rest of that stream's lines.
 *
 * <p>{@code wsl.run(run, WslOutputListener.of(System.out::println, System.err::println));}
 */
public interface WslOutputListener {

    /** One line of standard output. */
    void stdout(String line);

    /** One line of standard error. */
    void stderr(String line);

    /** A listener from two consumers. */
    static WslOutputListener of(java.util.function.Consumer<String> out, java.util.function.Consumer<String> err) {
        return new WslOutputListener() {
            @Override
            public void stdout(String line) {
                out.accept(line);
            }

            @Override
            public void stderr(String line) {
                err.accept(line);
            }
        };
    }
}
