package org.opencti.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Loads the contact-centre definition: read, parse, apply environment overrides, resolve {@code ${NAME}} placeholders, then
 * validate everything at once. Any fault raises one {@link ConfigException} that lists them all.
 */
public final class ConfigLoader {

    /**
     * 16 MiB: a floor of 10,000 agents takes 2-4 MiB written out in full, so this leaves room for several times that,
     * and it still bounds what a hostile file can make the parser do.
     */
    public static final int MAX_MIB = 16;
    public static final int MAX_BYTES = MAX_MIB * 1024 * 1024;
    /** Classpath location of the commented sample. */
    public static final String SAMPLE_RESOURCE = "/org/opencti/config/sample-contact-centre.yaml";

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ConfigLoader() {
    }

    /**
     * Loads and validates a YAML file.
     *
     * @param file the configuration file
     * @param env  environment for overrides and placeholders, normally {@link System#getenv()}
     * @throws ConfigException listing every problem, with the file as its source
     */
    public static ContactCentreConfig load(Path file, Map<String, String> env) {
        String source = file.toString();
        return parseChecked(read(file, source), source, env);
    }

    /**
     * Parses and validates YAML text.
     *
     * @param yaml       the document
     * @param sourceName what to call it in messages, such as a file name
     * @param env        environment for overrides and placeholders, normally {@link System#getenv()}
     * @throws ConfigException listing every problem
     */
    public static ContactCentreConfig parse(String yaml, String sourceName, Map<String, String> env) {
        String source = sourceName == null ? "<string>" : sourceName;
        // Characters never outnumber UTF-8 bytes, so only short enough text needs encoding to be measured.
        long bytes = yaml.length() > MAX_BYTES ? yaml.length() : yaml.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw tooLarge(source, bytes);
        }
        return parseChecked(yaml, source, env);
    }

    /** The bundled sample, validated against {@code env} (whose {@code CTI_AMI_SECRET} sets the AMI secret). */
    public static ContactCentreConfig sample(Map<String, String> env) {
        return parseChecked(sampleText(), "classpath:" + SAMPLE_RESOURCE, env);
    }

    /** The bundled sample's text, comments included: the starting point for a real configuration. */
    public static String sampleText() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + SAMPLE_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SAMPLE_RESOURCE, e);
        }
    }

    private static ContactCentreConfig parseChecked(String yaml, String source, Map<String, String> env) {
        Map<String, String> environment = env == null ? Map.of() : env;
        Problems problems = new Problems();
        ObjectNode tree = YamlTree.read(yaml, problems);
        if (tree == null) {
            throw new ConfigException(source, problems.list());
        }
        Set<String> overridden = EnvOverrides.apply(tree, environment, problems);
        Placeholders.resolve(tree, environment, overridden, problems);
        ContactCentreConfig config = ConfigBinder.bind(tree, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems.list());
        }
        return config;
    }

    private static String read(Path file, String source) {
        byte[] bytes;
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
                throw tooLarge(source, Files.size(file));
            }
            // Bounded even so: a FIFO or a file that grows after the size check reports no useful size.
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, List.of("file not found"));
        } catch (IOException e) {
            throw new ConfigException(source, List.of("cannot read the file (" + e.getClass().getSimpleName() + ")"));
        }
        if (bytes.length > MAX_BYTES) {
            throw new ConfigException(source, List.of("file is more than " + MAX_MIB + " MiB; the limit is " + MAX_MIB + " MiB"));
        }
        int start = startsWithBom(bytes) ? UTF8_BOM.length : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(source, List.of("file is not UTF-8 text"));
        }
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= UTF8_BOM.length && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2];
    }

    private static ConfigException tooLarge(String source, long bytes) {
        // Rounded up, so that a file just over the limit does not read "16 MiB; the limit is 16 MiB".
        double tenths = Math.ceil(bytes * 10.0 / (1024 * 1024)) / 10.0;
        String size = tenths == Math.rint(tenths) ? String.valueOf((long) tenths) : String.format(Locale.ROOT, "%.1f", tenths);
        return new ConfigException(source, List.of("file is " + size + " MiB; the limit is " + MAX_MIB + " MiB"));
    }
}
