package club.questmaster.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A service's application class-data sharing archive (AppCDS, JDK 17 dynamic archive) for the launcher: the classes
 * a service loaded in its last run, already parsed and verified, mapped at the next start instead of read from the
 * jars again (about 12 000 of games-service's 17 000 classes; docs/performance.md, P4).
 *
 * <p>An archive is recorded by a normal run ({@code -XX:ArchiveClassesAtExit}: the JVM writes it when the service
 * stops) and used from the next start on ({@code -XX:SharedArchiveFile}), as long as no file of the service's build
 * ({@code target/quarkus-app}) is newer than it. So the first start after a build costs nothing extra and the ones
 * after it are faster; nothing is generated in the Maven build. Its name carries the JVM and its options: another
 * JDK or other flags record a new one (the JVM also refuses an archive that does not match its jars, with a warning,
 * and then simply starts without it).
 */
final class ClassArchive {

    enum Mode {
        /** A fresh archive exists: the service starts with it. */
        USE,
        /** None, or older than the build: this run records one, written when the service stops. */
        RECORD
    }

    private final Mode mode;
    private final Path archive;
    private final Path build;
    private final Optional<FileTime> builtAt;

    private ClassArchive(Mode mode, Path archive, Path build, Optional<FileTime> builtAt) {
        this.mode = mode;
        this.archive = archive;
        this.build = build;
        this.builtAt = builtAt;
    }

    /**
     * @param build       the service's {@code target/quarkus-app}
     * @param dir         where the archives are kept ({@code .devstack/class-archives})
     * @param javaOptions the JVM options the service runs with (part of the archive's name)
     */
    static ClassArchive plan(String service, Path build, Path dir, List<String> javaOptions) {
        String key = System.getProperty("java.vm.version") + " " + String.join(" ", javaOptions);
        Path archive = dir.resolve(service + "-" + Integer.toHexString(key.hashCode()) + ".jsa");
        return new ClassArchive(fresh(archive, build) ? Mode.USE : Mode.RECORD, archive, build, newestOrEmpty(build));
    }

    private static Optional<FileTime> newestOrEmpty(Path build) {
        try {
            return newest(build);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Usable: it exists, is not empty, and no file of the build is newer than it. */
    static boolean fresh(Path archive, Path build) {
        try {
            if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
                return false;
            }
            FileTime recorded = Files.getLastModifiedTime(archive);
            return newest(build).map(built -> built.compareTo(recorded) < 0).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<FileTime> newest(Path build) throws IOException {
        if (!Files.isDirectory(build)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(build)) {
            return files.filter(Files::isRegularFile).map(file -> {
                try {
                    return Files.getLastModifiedTime(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).max(FileTime::compareTo);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    Mode mode() {
        return mode;
    }

    /** Where this run's archive is being written until the service stopped cleanly. */
    Path recording() {
        return archive.resolveSibling(archive.getFileName() + ".recording");
    }

    /** The JVM options that use or record the archive. */
    List<String> jvmOptions() throws IOException {
        Files.createDirectories(archive.getParent());
        if (mode == Mode.USE) {
            return List.of("-XX:SharedArchiveFile=" + archive);
        }
        // The dump lists every class it leaves out (generated, not yet linked): hundreds of lines nobody reads.
        return List.of("-XX:ArchiveClassesAtExit=" + recording(), "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /**
     * After the service exited: a recording becomes the archive when the JVM stopped on its own (exit 0, or 143
     * after SIGTERM) and its build is still the one it started from; a run that was killed may have left half a
     * file, and a build made while it ran has other jars: both recordings are dropped. Older archives of the service
     * (other JVM or options) go when a recording replaces them.
     */
    void settle(String service, int exitValue) throws IOException {
        Path recording = recording();
        if (mode != Mode.RECORD || !Files.exists(recording)) {
            return;
        }
        boolean rebuilt = builtAt.isEmpty() || !newestOrEmpty(build).equals(builtAt);
        if ((exitValue != 0 && exitValue != 143) || rebuilt || Files.size(recording) == 0) {
            Files.delete(recording);
            return;
        }
        try (Stream<Path> old = Files.list(archive.getParent())) {
            for (Path file : old.filter(f -> f.getFileName().toString().startsWith(service + "-")
                    && f.getFileName().toString().endsWith(".jsa")).toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
