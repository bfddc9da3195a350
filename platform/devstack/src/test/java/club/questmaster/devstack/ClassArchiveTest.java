package club.questmaster.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {

    private static final List<String> OPTS = List.of("-Xmx256m");

    @TempDir
    Path tmp;

    private Path build() throws IOException {
        Path build = tmp.resolve("quarkus-app");
        Files.createDirectories(build.resolve("lib/main"));
        touch(build.resolve("quarkus-run.jar"), 1_000);
        touch(build.resolve("lib/main/a.jar"), 2_000);
        return build;
    }

    private static void touch(Path file, long epochSecond) throws IOException {
        if (!Files.exists(file)) {
            Files.write(file, new byte[] {1});
        }
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(epochSecond)));
    }

    @Test
    void theFirstStartRecordsAndTheNextUsesWhatItRecorded() throws IOException {
        Path build = build();
        ClassArchive first = ClassArchive.plan("games-service", build, tmp.resolve("archives"), OPTS);
        assertEquals(ClassArchive.Mode.RECORD, first.mode());
        assertTrue(String.join(" ", first.jvmOptions()).contains("-XX:ArchiveClassesAtExit=" + first.recording()));

        Files.write(first.recording(), new byte[] {1, 2, 3}); // what the JVM writes when it stops
        first.settle("games-service", 143);

        ClassArchive next = ClassArchive.plan("games-service", build, tmp.resolve("archives"), OPTS);
        assertEquals(ClassArchive.Mode.USE, next.mode());
        assertTrue(next.jvmOptions().get(0).startsWith("-XX:SharedArchiveFile="));
    }

    @Test
    void anArchiveOlderThanAnyFileOfTheBuildIsRecordedAgain() throws IOException {
        Path build = build();
        Path archive = tmp.resolve("games.jsa");
        touch(archive, 3_000);
        assertTrue(ClassArchive.fresh(archive, build));
        touch(build.resolve("lib/main/a.jar"), 4_000); // rebuilt after the archive
        assertFalse(ClassArchive.fresh(archive, build));
    }

    @Test
    void anEmptyOrMissingArchiveIsNotUsed() throws IOException {
        Path build = build();
        assertFalse(ClassArchive.fresh(tmp.resolve("none.jsa"), build));
        Path empty = Files.createFile(tmp.resolve("empty.jsa"));
        touch(empty, 3_000);
        Files.write(empty, new byte[0]);
        assertFalse(ClassArchive.fresh(empty, build));
    }

    @Test
    void aRecordingOfAKilledServiceIsDropped() throws IOException {
        Path build = build();
        ClassArchive run = recorded(build);
        run.settle("games-service", 137); // SIGKILL: the file may be half written
        assertFalse(Files.exists(run.recording()));
        assertEquals(ClassArchive.Mode.RECORD,
                ClassArchive.plan("games-service", build, tmp.resolve("archives"), OPTS).mode());
    }

    @Test
    void aRecordingMadeWhileTheServiceWasRebuiltIsDropped() throws IOException {
        Path build = build();
        ClassArchive run = recorded(build);
        touch(build.resolve("lib/main/a.jar"), 5_000); // the jars it read are not the ones there now
        run.settle("games-service", 0);
        assertFalse(Files.exists(run.recording()));
        assertEquals(ClassArchive.Mode.RECORD,
                ClassArchive.plan("games-service", build, tmp.resolve("archives"), OPTS).mode());
    }

    @Test
    void otherJvmOptionsNeedTheirOwnArchive() throws IOException {
        Path build = build();
        ClassArchive run = recorded(build);
        run.settle("games-service", 0);
        assertEquals(ClassArchive.Mode.RECORD,
                ClassArchive.plan("games-service", build, tmp.resolve("archives"), List.of("-Xmx512m")).mode());
    }

    /** A first start, planned to record, whose JVM has written (some of) its archive. */
    private ClassArchive recorded(Path build) throws IOException {
        ClassArchive run = ClassArchive.plan("games-service", build, tmp.resolve("archives"), OPTS);
        run.jvmOptions();
        Files.write(run.recording(), new byte[] {1, 2, 3});
        return run;
    }
}
