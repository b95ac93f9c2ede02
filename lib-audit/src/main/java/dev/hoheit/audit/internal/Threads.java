package dev.hoheit.audit.internal;

/** The log's background threads: named, daemon, so a host that forgets {@code close()} can still exit. */
final class Threads {

    private Threads() {
    }

    /** An unstarted daemon thread called {@code name} that runs {@code task}. */
    static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
