package org.mtboard.reproduce.train

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardOpenOption
import org.mtboard.engine.run.CurveCsv
import org.mtboard.engine.run.EpochRecord

/**
 * DIR/curve.csv kept current while a run trains, so a long run can be watched (or plotted)
 * before it ends: the first call writes the header and every record so far (a resumed run's
 * restored epochs included), later calls append the new rows.
 */
class CurveFile(private val file: Path, private val taskNames: List<String>) {
    private var rowsWritten = -1

    fun update(curve: List<EpochRecord>) {
        if (rowsWritten < 0) {
            Files.writeString(file, CurveCsv.header(taskNames) + "\n")
            rowsWritten = 0
        }
        if (curve.size > rowsWritten) {
            val rows = curve.subList(rowsWritten, curve.size).joinToString("") { CurveCsv.row(it) + "\n" }
            Files.writeString(file, rows, StandardOpenOption.APPEND)
            rowsWritten = curve.size
        }
    }
}
