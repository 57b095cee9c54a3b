package io.spacecomp.emulator.plane;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs one satellite's work one task at a time, in submission order, on a pool shared by the plane:
 * the satellite's own executor, without a thread of its own per satellite.
 */
final class SerialExecutor implements Executor {

    private final Executor pool;
    private final Consumer<Throwable> onError;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    SerialExecutor(Executor pool, Consumer<Throwable> onError) {
        this.pool = pool;
        this.onError = onError;
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
        }
    }
}
