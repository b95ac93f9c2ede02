package dev.hoheit.benchmarks;

/** A benchmark could not run as configured, or a result failed its sanity check. */
final class BenchmarkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BenchmarkException(String message) {
        super(message);
    }

    BenchmarkException(String message, Throwable cause) {
        super(message, cause);
    }
}
