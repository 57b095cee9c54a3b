package io.spacecomp.emulator.plane;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs one satellite's work one task at a time, in submission order, on a pool shared by the plane:
 * the satellite's own executor, without a thread of its own per satellite. After every task an optional
 * hook runs on the same thread (the satellite publishes what its node holds, for its admission budget).
 */
final class SerialExecutor implements Executor {

    private final Executor pool;
    private final Consumer<Throwable> onError;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;
    /** The thread running this executor's tasks now, or null. */
    private volatile Thread runner;
    private volatile Runnable afterEach = () -> { };

    SerialExecutor(Executor pool, Consumer<Throwable> onError) {
        this.pool = pool;
        this.onError = onError;
    }

    /** Runs {@code hook} after every task, on the task's thread. */
    void afterEach(Runnable hook) {
        this.afterEach = hook;
    }

    /** Whether the calling thread is running one of this executor's tasks now. */
    boolean inTask() {
        return runner == Thread.currentThread();
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        pool.execute(this::drain);
    }

    private void drain() {
        runner = Thread.currentThread();
        try {
            while (true) {
                Runnable next;
                synchronized (this) {
                    next = tasks.poll();
                    if (next == null) {
                        running = false;
                        return;
                    }
                }
                try {
                    next.run();
                } catch (Throwable t) {
                    onError.accept(t); // one bad task must not stop the satellite
                }
                try {
                    afterEach.run();
                } catch (RuntimeException e) {
                    onError.accept(e);
                }
            }
        } finally {
            runner = null;
        }
    }
}
