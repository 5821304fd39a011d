package org.perfdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfdesk.store.WorkspaceLocation.LOCAL;
import static org.perfdesk.store.WorkspaceLocation.NETWORK;
import static org.perfdesk.store.WorkspaceLocation.REMOVABLE;
import static org.perfdesk.store.WorkspaceLocation.classify;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceLocationTest {
    @Test
    void windowsSticksAndSharesAreNamedAndTheOwnDiskIsNot() {
        assertThat(classify("C:\\Users\\zhang\\AppData\\Roaming\\PerfDesk\\SLT", "NTFS", "Windows 10")).isEqualTo(LOCAL);
        assertThat(classify("E:\\PerfDesk\\SLT", "FAT32", "Windows 10")).isEqualTo(REMOVABLE);
        assertThat(classify("F:\\SLT", "exFAT", "Windows 11")).isEqualTo(REMOVABLE);
        assertThat(classify("\\\\fileserver\\share\\SLT", "NTFS", "Windows 10")).isEqualTo(NETWORK);
    }

    @Test
    void linuxAndMacMountsAreNamed() {
        assertThat(classify("/home/zhang/.local/share/perfdesk/SLT", "ext4", "Linux")).isEqualTo(LOCAL);
        assertThat(classify("/media/zhang/KINGSTON/SLT", "ext4", "Linux")).isEqualTo(REMOVABLE);
        assertThat(classify("/run/media/zhang/U盘/SLT", "fuseblk", "Linux")).isEqualTo(REMOVABLE);
        assertThat(classify("/mnt/office/SLT", "cifs", "Linux")).isEqualTo(NETWORK);
        assertThat(classify("/srv/SLT", "nfs4", "Linux")).isEqualTo(NETWORK);
        assertThat(classify("/Volumes/USB/SLT", "msdos", "Mac OS X")).isEqualTo(REMOVABLE);
        assertThat(classify("/Users/zhang/Library/Application Support/PerfDesk/SLT", "apfs", "Mac OS X")).isEqualTo(LOCAL);
    }

    @Test
    void aFolderNotYetMadeIsJudgedByWhereItWillBe(@TempDir Path dir) {
        // The temporary folder of a test machine is on its own disk.
        assertThat(WorkspaceLocation.of(dir.resolve("not/yet/made"))).isEqualTo(WorkspaceLocation.of(dir));
    }
}
