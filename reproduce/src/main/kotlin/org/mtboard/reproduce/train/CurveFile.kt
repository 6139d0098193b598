package org.mtboard.reproduce.train

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardOpenOption
import org.mtboard.engine.run.CurveCsv
import org.mtboard.engine.run.EpochRecord

/**
 * DIR/curve.csv kept current while a run trains, so a long run can be watched (or plotted)
 * before it ends: start writes the header and every epoch a resumed run already has, then each
 * new epoch appends its row.
 */
class CurveFile(private val file: Path) {
    fun start(taskNames: List<String>, epochsSoFar: List<EpochRecord>) {
        Files.writeString(file, CurveCsv.text(taskNames, epochsSoFar))
    }

    fun append(record: EpochRecord) {
        Files.writeString(file, CurveCsv.row(record) + "\n", StandardOpenOption.APPEND)
    }
}
