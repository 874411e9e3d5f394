package org.osticketgateway.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ids survive a restart through the file; the oldest are forgotten beyond the size. */
class RecentIdsTest {

    @TempDir
    Path data;

    @Test
    void aRestartedRepositoryKnowsTheLastIdsFromItsFile() throws Exception {
        File file = data.resolve("ids.dat").toFile();
        RecentIds first = new RecentIds(file, 100);
        first.start();
        for (int i = 0; i < 150; i++) {
            first.add("id-" + i);
        }
        first.stop();

        RecentIds again = new RecentIds(file, 100);
        again.start();
        assertThat(again.contains("id-149")).isTrue();
        assertThat(again.contains("id-50")).isTrue();
        assertThat(again.contains("id-49")).isFalse();
        assertThat(again.contains("never-seen")).isFalse();
        again.stop();
    }
}
