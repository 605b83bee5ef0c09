package io.uavstream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocSectionTest {

    @TempDir
    Path temp;

    @Test
    void missingSectionAppendedWithMarkers() throws Exception {
        Path page = temp.resolve("page.md");
        Files.writeString(page, "# Title\n");

        DocSection.write(page, "key", "body");

        assertThat(Files.readString(page)).isEqualTo("# Title\n\n<!-- key -->\nbody\n<!-- /key -->\n");
    }

    @Test
    void existingSectionReplacedInPlace() throws Exception {
        Path page = temp.resolve("page.md");
        Files.writeString(page, "before\n<!-- key -->\nold\n<!-- /key -->\nafter\n");

        DocSection.write(page, "key", "new\n");

        assertThat(Files.readString(page)).isEqualTo("before\n<!-- key -->\nnew\n<!-- /key -->\nafter\n");
    }

    @Test
    void otherKeysLeftAlone() throws Exception {
        Path page = temp.resolve("page.md");
        Files.writeString(page, "<!-- a -->\none\n<!-- /a -->\n");

        DocSection.write(page, "b", "two");

        assertThat(Files.readString(page)).isEqualTo("<!-- a -->\none\n<!-- /a -->\n\n<!-- b -->\ntwo\n<!-- /b -->\n");
    }

    @Test
    void absentPageCreated() throws Exception {
        Path page = temp.resolve("new.md");

        DocSection.write(page, "key", "body");

        assertThat(Files.readString(page)).isEqualTo("<!-- key -->\nbody\n<!-- /key -->\n");
    }
}
