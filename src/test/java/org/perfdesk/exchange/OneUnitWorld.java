package org.perfdesk.exchange;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.perfdesk.domain.OrgKind;

/** The exchange tests' usual start: an office (XNB) and one enrolled unit, 福建省水利厅 (SLT), in a fresh folder. */
public abstract class OneUnitWorld {
    @TempDir
    protected Path dir;
    protected World world;

    @BeforeEach
    void setUpWorld() throws Exception {
        world = new World(dir);
        world.addUnit("SLT", "福建省水利厅", OrgKind.DEPARTMENT, "XNB");
    }

    @AfterEach
    void closeWorld() {
        world.close();
    }
}
