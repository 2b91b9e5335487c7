package org.opencti.core.queuelog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue log as a file in Asterisk's layout ({@link QueueLogFormat}), e.g. {@code /var/log/asterisk/queue_log}
 * or a file of our own beside it, for queue_log reporting tools to read.
 *
 * <p>Opened in append mode, one line per entry, written by the background writer as soon as entries arrive (each
 * batch is handed to the operating system with one write; there is no user-space buffer to flush).
 *
 * <p>Rotation: before each batch the writer checks that the path still names the file it has open (same file key,
 * i.e. device and inode; where the platform has no file keys, same size). When logrotate (or anyone) moved or
 * deleted it, the writer opens a new file at the path; lines already written stay in the moved file. A
 * {@code copytruncate} rotation needs nothing: writes in append mode go to the new end. {@link #reopen} forces a
 * reopen, e.g. from a rotation hook.
 *
 * <p>Errors (disk full, directory gone) are counted ({@link #writeFailures}) and logged, never thrown at the ACD;
 * the batch is retried, after a reopen, until it is written. Replays are not detected: the file is a log, and an
 * entry appended twice is two lines, as in Asterisk's own file; a batch retried after a write error may likewise
 * repeat lines (or leave a partial one) that the failed write got onto the disk. Deduplication is the job of the
 * PostgreSQL log.
 */
public final class FileQueueLog extends BackgroundQueueLog {
    private static final Logger LOG = LoggerFactory.getLogger(FileQueueLog.class);

    private final Path file;
    private final AtomicLong reopens = new AtomicLong();
    private volatile boolean reopenRequested;
    private FileChannel channel;
    private Object openKey;

    /** @throws UncheckedIOException when the file cannot be opened for appending (checked once, at startup) */
    public FileQueueLog(Path file) {
        this(file, DEFAULT_CAPACITY, DEFAULT_CLOSE_TIMEOUT);
    }

    /**
     * @param capacity     how many entries may wait to be written before appends are refused (and counted)
     * @param closeTimeout how long {@link #close} keeps trying to write what is buffered
     * @throws UncheckedIOException when the file cannot be opened for appending (checked once, at startup)
     */
    public FileQueueLog(Path file, int capacity, Duration closeTimeout) {
        super("cti-queue-log-file", "queue_log file " + file, capacity, closeTimeout);
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        try {
            open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open queue_log file " + this.file + " for appending: " + e, e);
        }
        start();
    }

    public Path file() {
        return file;
    }

    /** Makes the writer close the file and open the path anew before its next write. Does not block. */
    public void reopen() {
        reopenRequested = true;
        wakeWriter();
    }

    /** How many times the file was reopened (rotation noticed, {@link #reopen} asked, or after a write error). */
    public long reopens() {
        return reopens.get();
    }

    @Override
    void write(List<QueueLogEntry> batch) throws IOException {
        if (channel == null || reopenRequested || !stillOpenAtPath()) {
            reopenRequested = false;
            closeChannel();
            open();
            reopens.incrementAndGet();
            LOG.info("queue_log file {} reopened", file);
        }
        StringBuilder text = new StringBuilder(batch.size() * 96);
        for (QueueLogEntry entry : batch) {
            text.append(QueueLogFormat.line(entry)).append('\n');
        }
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            // the next attempt starts from a fresh open, in case the handle itself is what went bad
            closeChannel();
            throw e;
        }
    }

    @Override
    void release() throws IOException {
        if (channel != null) {
            FileChannel open = channel;
            channel = null;
            open.close();
        }
    }

    private void open() throws IOException {
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel opened = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
        try {
            openKey = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        channel = opened;
    }

    /** False when the path no longer names the file we have open: moved, deleted, or replaced. */
    private boolean stillOpenAtPath() throws IOException {
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (openKey != null) {
            return openKey.equals(now.fileKey());
        }
        return now.size() == channel.size();
    }

    private void closeChannel() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing queue_log file {} failed; opening it anew regardless", file, e);
        }
        channel = null;
    }
}
