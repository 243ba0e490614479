package eu.koopera.members;

import eu.koopera.platform.tabular.TableFormat;
import eu.koopera.platform.tabular.TableWriter;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The real writer, held at the start of each file until the test lets it go: a probe that lets a test look at the
 * database while an export is writing its file.
 */
@Singleton
@Replaces(TableWriter.class)
@Requires(property = "test.paused-table-writer", value = "true")
class PausedTableWriter extends TableWriter {

    final CountDownLatch writing = new CountDownLatch(1);
    final CountDownLatch proceed = new CountDownLatch(1);

    @Override
    public byte[] write(TableFormat format, List<String> columns, List<List<String>> rows) {
        writing.countDown();
        try {
            proceed.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return super.write(format, columns, rows);
    }
}
