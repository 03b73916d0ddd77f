package dev.hourglass.replay.cli;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import picocli.CommandLine;

/**
 * One of {@code count} shards of a corpus, numbered from 1: a history file is in shard
 * {@code CRC32(relative path) mod count + 1}, where the relative path is the file's path below the
 * {@code --histories} root it was found under, with {@code /} separators, as UTF-8. The rule depends on nothing but
 * that path, so a file is in the same shard on every machine and operating system, and adding or removing a file
 * moves no other file to another shard.
 */
record Shard(int index, int count) {

    /** The whole corpus. */
    static final Shard ALL = new Shard(1, 1);

    Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is i/n with 1 <= i <= n, not " + index + "/" + count);
        }
    }

    /**
     * Parses {@code i/n}.
     *
     * @throws CommandLine.TypeConversionException if {@code text} is not {@code i/n} with {@code 1 <= i <= n}
     */
    static Shard parse(String text) {
        String expected = "expected i/n, shard i of n numbered from 1 (1 <= i <= n), as in 2/4, not '" + text + "'";
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new CommandLine.TypeConversionException(expected);
        }
        int index;
        int count;
        try {
            index = Integer.parseInt(text.substring(0, slash).strip());
            count = Integer.parseInt(text.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException(expected);
        }
        if (count < 1 || index < 1 || index > count) {
            throw new CommandLine.TypeConversionException(expected);
        }
        return new Shard(index, count);
    }

    /** The shard, from 1 to {@code count}, that a file with this relative path ({@code /} separators) is in. */
    static int of(String relativePath, int count) {
        CRC32 crc = new CRC32();
        crc.update(relativePath.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % count) + 1;
    }

    /** Whether the file with this relative path ({@code /} separators) is in this shard. */
    boolean contains(String relativePath) {
        return count == 1 || of(relativePath, count) == index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
