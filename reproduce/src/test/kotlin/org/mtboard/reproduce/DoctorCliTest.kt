package org.mtboard.reproduce

import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.mtboard.reproduce.CliHarness.mtboard

class DoctorCliTest {
    @Test
    fun doctorReportsWhatThisMachineOffersAndWhatARunWouldUse() {
        val (code, out, err) = mtboard("doctor", "--json")
        assertEquals(0, code, err)
        val r = ObjectMapper().readTree(out)
        assertTrue(r["cpu"]["model"].asText().isNotBlank(), out)
        assertEquals(true, r["cpu"]["numerics_pinned"].asBoolean(), "the engine pins by default: $out")
        assertEquals("avx2", r["cpu"]["settings"]["ATEN_CPU_CAPABILITY"].asText())
        // CUDA: available, with devices, or not, with the reason; never silent
        if (r["cuda"]["available"].asBoolean()) {
            assertTrue(r["cuda"]["devices"].size() > 0, out)
        } else {
            assertTrue(r["cuda"]["reason"].asText().isNotBlank(), out)
            assertEquals("cpu", r["would_use"]["simulator_auto"].asText())
        }
        assertTrue(r["ptx"]["target"].asText().startsWith("sm_"), out)
        assertEquals("PyTorch", r["djl"]["engine"].asText())
        assertEquals("2.7.1", r["djl"]["libtorch_version"].asText())
        // where libtorch was loaded from is read from the process's own mappings: the directory holds it
        val from = Path.of(r["djl"]["loaded_from"].asText())
        assertTrue(Files.isRegularFile(from.resolve("libtorch_cpu.so")), out)
        assertEquals(listOf("PYTORCH_LIBRARY_PATH", "PYTORCH_VERSION", "PYTORCH_FLAVOR", "DJL_CACHE_DIR"),
            r["djl"]["overrides"].fieldNames().asSequence().toList())
    }
}
