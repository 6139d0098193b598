package org.mtboard.reproduce

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory
import java.io.PrintWriter
import java.io.StringWriter
import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import picocli.CommandLine

/**
 * The CI files a lab copies (ci/github/mtboard-reproduce.yml, ci/gitlab/mtboard-reproduce.gitlab-ci.yml)
 * are valid YAML of the right shape, and every command their scripts run exists in this repo: an
 * `./mtboard` call names a real command of the CLI's picocli tree with options it has, a `./` or
 * `ci/` path is an executable file here, anything else is one of [STANDARD_TOOLS].
 */
class CiWorkflowTest {
    private val root: Path = Path.of("..").toAbsolutePath().normalize()
    private val yaml = ObjectMapper(YAMLFactory())
    private val checker = ScriptChecker(root, Cli.commandLine(PrintWriter(StringWriter()), PrintWriter(StringWriter())))

    @Test
    fun githubWorkflowIsValidAndCallsOnlyCommandsOfThisRepo() {
        val workflow = yaml.readTree(root.resolve("ci/github/mtboard-reproduce.yml").toFile())
        val problems = githubProblems(workflow)
        assertEquals(emptyList<String>(), problems, problems.joinToString("\n"))
        val triggers = workflow["on"].fieldNames().asSequence().toSet()
        assertTrue(triggers.containsAll(listOf("push", "pull_request", "workflow_dispatch")), "triggers: $triggers")
    }

    @Test
    fun gitlabSnippetIsValidAndCallsOnlyCommandsOfThisRepo() {
        val snippet = yaml.readTree(root.resolve("ci/gitlab/mtboard-reproduce.gitlab-ci.yml").toFile())
        val problems = gitlabProblems(snippet)
        assertEquals(emptyList<String>(), problems, problems.joinToString("\n"))
    }

    /** The checker is not vacuous: it rejects what does not exist and accepts what does. */
    @Test
    fun scriptCheckerRejectsCommandsThatDoNotExist() {
        fun assertRejected(script: String, mention: String) {
            val problems = checker.problems(script)
            assertTrue(problems.any { it.contains(mention) }, "'$script' should be rejected mentioning '$mention', got $problems")
        }
        // (until `reproduce` is registered this names `reproduce` as the missing subcommand, then `nonsense`)
        assertRejected("./mtboard reproduce nonsense", "names no command")
        assertRejected("./mtboard sim nonsense --suite mt10", "nonsense")
        assertRejected("./mtboard sim", "command group")
        assertRejected("./mtboard", "command group")
        assertRejected("./mtboard train x.yaml --no-such-option 3", "--no-such-option")
        assertRejected("./missing.sh", "./missing.sh")
        assertRejected("ci/missing.sh --flag", "ci/missing.sh")
        assertRejected("./docs", "./docs") // a folder, not a script
        assertRejected("./../etc/passwd", "outside")
        assertRejected("curl -fsS https://example.org", "curl")
        assertRejected("mkdir -p reports && ./missing.sh", "./missing.sh")
        assertRejected("mkdir -p reports; wget x | ./mtboard sim check", "wget")
        assertRejected("./mtboard sim check \\\n  --suite mt10 \\\n  --bogus", "--bogus")
        assertRejected("X=\$(./missing.sh)", "substitution")
        assertRejected("echo 'unterminated", "quote")

        fun assertAccepted(script: String) =
            assertEquals(emptyList<String>(), checker.problems(script), script)
        assertAccepted("./mtboard --version")
        assertAccepted("./mtboard sim check --suite mt10 --policy scripted --episodes-per-task=5")
        assertAccepted("# a comment\n\nOUT=reports\nmkdir -p \"\$OUT\"  # trailing comment\nMTBOARD_JAVA_OPTS=-Xmx1g ./mtboard stats poi --x 'a b.csv' --y b.csv")
        assertAccepted("ci/test.sh")
        assertAccepted("./mtboard train \"\$B.yaml\" \\\n  --benchmark mt10-rand --seed 101 && ./mtboard submission check x.yaml")
    }

    /** The shape checks themselves fail on a broken workflow. */
    @Test
    fun workflowCheckRejectsBrokenShapes() {
        val broken = yaml.readTree("""
            on: [push]
            jobs:
              a:
                steps:
                  - uses: actions/checkout
                  - name: nothing to do
                  - run: ./missing.sh
                  - run: echo "${'$'}{{ github.event.head_commit.message }}"
              b:
                runs-on: ubuntu-latest
                timeout-minutes: 60
                steps: []
        """.trimIndent())
        val problems = githubProblems(broken).joinToString("\n")
        listOf("jobs.a: no runs-on", "jobs.a: no timeout-minutes", "actions/checkout", "neither uses nor run", "./missing.sh",
            "\${{", "jobs.b: no steps").forEach { assertTrue(problems.contains(it), "'$it' missing from:\n$problems") }
        assertTrue(githubProblems(yaml.readTree("name: x")).any { it.contains("no 'on'") })
    }

    // ---- the GitHub workflow ----

    private fun githubProblems(workflow: JsonNode): List<String> {
        val problems = mutableListOf<String>()
        if (!workflow.isObject) return listOf("the workflow is not a YAML mapping")
        if (workflow["on"] == null || workflow["on"].isNull) problems += "no 'on' (triggers)"
        val jobs = workflow["jobs"]
        if (jobs == null || !jobs.isObject || jobs.isEmpty) return problems + "no jobs"
        for ((id, job) in jobs.properties()) {
            val at = "jobs.$id"
            val junitFiles = mutableListOf<String>()
            if (job["runs-on"] == null) problems += "$at: no runs-on"
            val timeout = job["timeout-minutes"]
            if (timeout == null) problems += "$at: no timeout-minutes"
            else if (!timeout.isInt || timeout.asInt() !in 1..360) problems += "$at: timeout-minutes $timeout is not 1 to 360"
            val steps = job["steps"]
            if (steps == null || !steps.isArray || steps.isEmpty) {
                problems += "$at: no steps"
                continue
            }
            steps.forEachIndexed { i, step ->
                val where = "$at.steps[$i]" + (step["name"]?.let { " (${it.asText()})" } ?: "")
                val uses = step["uses"]?.asText()
                val run = step["run"]?.asText()
                when {
                    uses != null && run != null -> problems += "$where: both uses and run"
                    uses != null -> if (!ACTION_REF.matches(uses)) problems += "$where: uses '$uses' is not owner/repo@ref"
                    run != null -> {
                        // inputs reach scripts through env: a ${{ }} inside run is pasted into the shell (script injection)
                        if (run.contains("\${{")) problems += "$where: \${{ }} inside run; pass it through env"
                        problems += checker.problems(run).map { "$where: $it" }
                        junitFiles += checker.junitFiles(run)
                    }
                    else -> problems += "$where: neither uses nor run"
                }
            }
            // the report the check writes is the one that is uploaded and published, even after a failure
            for (file in junitFiles) {
                val upload = steps.firstOrNull { it["uses"]?.asText()?.startsWith("actions/upload-artifact@") == true }
                val publish = steps.firstOrNull { it["uses"]?.asText()?.startsWith("mikepenz/action-junit-report@") == true }
                if (upload == null || !upload["with"]?.get("path")?.asText().orEmpty().lines().map { it.trim() }.contains(file))
                    problems += "$at: no upload-artifact step uploads $file"
                if (publish == null || publish["with"]?.get("report_paths")?.asText() != file)
                    problems += "$at: no action-junit-report step publishes $file"
                listOfNotNull(upload, publish).filter { it["if"]?.asText()?.contains("always()") != true }
                    .forEach { problems += "$at: ${it["uses"].asText()} needs if: always()" }
            }
        }
        problems += choicesHaveCommittedResults(workflow["env"]?.get("RESULTS")?.asText(),
            workflow["on"]?.get("workflow_dispatch")?.get("inputs")?.get("baseline")?.get("options"),
            workflow["on"]?.get("workflow_dispatch")?.get("inputs")?.get("seed")?.get("options"))
        return problems
    }

    // ---- the GitLab snippet ----

    private fun gitlabProblems(snippet: JsonNode): List<String> {
        if (!snippet.isObject) return listOf("the snippet is not a YAML mapping")
        val problems = mutableListOf<String>()
        val jobs = snippet.properties().asSequence().filter { (name, _) -> name !in GITLAB_KEYWORDS && !name.startsWith(".") }.toList()
        if (jobs.isEmpty()) return listOf("no jobs")
        for ((name, job) in jobs) {
            if (job["image"] == null && snippet["image"] == null && snippet["default"]?.get("image") == null)
                problems += "$name: no image"
            val junitFiles = mutableListOf<String>()
            val scripts = listOf("before_script", "script", "after_script").mapNotNull { key -> job[key]?.let { key to it } }
            if (scripts.none { it.first == "script" }) problems += "$name: no script"
            for ((key, lines) in scripts) {
                if (!lines.isArray || lines.isEmpty) {
                    problems += "$name.$key: not a list of commands"
                    continue
                }
                lines.forEachIndexed { i, line ->
                    problems += checker.problems(line.asText()).map { "$name.$key[$i]: $it" }
                    junitFiles += checker.junitFiles(line.asText())
                }
            }
            val artifacts = job["artifacts"]
            for (file in junitFiles) {
                if (artifacts?.get("reports")?.get("junit")?.asText() != file) problems += "$name: artifacts.reports.junit is not $file"
                if (artifacts?.get("when")?.asText() != "always") problems += "$name: artifacts.when is not always"
            }
            val variables = job["variables"]
            problems += choicesHaveCommittedResults(variables?.get("RESULTS")?.asText(),
                variables?.get("BASELINE")?.get("options"), variables?.get("SEED")?.get("options")).map { "$name: $it" }
        }
        return problems
    }

    /** Each baseline and seed one may pick has a committed result, so the default paths are real. */
    private fun choicesHaveCommittedResults(results: String?, baselines: JsonNode?, seeds: JsonNode?): List<String> {
        if (results == null || baselines == null || seeds == null) return emptyList()
        return baselines.flatMap { b -> seeds.map { s -> "$results/${b.asText()}/seed-${s.asText()}/result.json" } }
            .filter { !Files.isRegularFile(root.resolve(it)) }
            .map { "the choices name $it, which is not committed" }
    }

    /**
     * Splits a shell script into simple commands and checks the first word of each. Handles what
     * CI scripts use: comments, blank lines, `\` continuations, quotes, `&&` `||` `;` `|` `&`,
     * variable assignments (alone or before a command) and redirections; it rejects command
     * substitution, since the commands inside would go unchecked.
     */
    class ScriptChecker(private val root: Path, private val cli: CommandLine) {
        fun problems(script: String): List<String> {
            val (commands, problems) = split(script)
            for (command in commands) {
                val words = command.dropWhile { ASSIGNMENT.matches(it) }
                if (words.isEmpty()) continue
                val first = words[0]
                problems += when {
                    first == "./mtboard" -> mtboardProblems(words.drop(1))
                    first.startsWith("./") || first.startsWith("ci/") -> fileProblems(first)
                    first in STANDARD_TOOLS -> emptyList()
                    else -> listOf("'$first' is neither ./mtboard, a file of this repo nor an allowed tool $STANDARD_TOOLS")
                }
            }
            return problems
        }

        /** The files passed to `--junit` by `./mtboard` commands of the script. */
        fun junitFiles(script: String): List<String> = split(script).first
            .map { it.dropWhile { w -> ASSIGNMENT.matches(w) } }
            .filter { it.firstOrNull() == "./mtboard" }
            .flatMap { words -> words.zipWithNext().filter { it.first == "--junit" }.map { it.second } +
                words.filter { it.startsWith("--junit=") }.map { it.substringAfter('=') } }

        private fun mtboardProblems(args: List<String>): List<String> {
            val problems = mutableListOf<String>()
            if (!Files.isExecutable(root.resolve("mtboard"))) problems += "./mtboard is not an executable file of this repo"
            var command = cli
            var i = 0
            while (i < args.size && !args[i].startsWith("-") && command.subcommands.isNotEmpty()) {
                val sub = command.subcommands[args[i]]
                if (sub == null) {
                    val called = (listOf("mtboard") + args.take(i + 1)).joinToString(" ")
                    return problems + ("'$called' names no command: '${command.commandSpec.qualifiedName()}' has no subcommand " +
                        "'${args[i]}' (it has: ${command.subcommands.keys.joinToString(", ")})")
                }
                command = sub
                i++
            }
            val spec = command.commandSpec
            val options = args.drop(i).filter { it.startsWith("-") && it != "-" && it != "--" }.map { it.substringBefore('=') }
            for (name in options) {
                if (spec.findOption(name) == null) problems += "'${spec.qualifiedName()}' has no option $name"
            }
            val helpOnly = options.any { spec.findOption(it)?.let { o -> o.usageHelp() || o.versionHelp() } == true }
            if (command.subcommands.isNotEmpty() && !helpOnly)
                problems += "'${spec.qualifiedName()}' is a command group, not a command (has: ${command.subcommands.keys.joinToString(", ")})"
            return problems
        }

        private fun fileProblems(path: String): List<String> {
            val file = root.resolve(path).normalize()
            return when {
                !file.startsWith(root) -> listOf("$path is outside the repo")
                !Files.isRegularFile(file) -> listOf("$path is not a file of this repo")
                !Files.isExecutable(file) -> listOf("$path is not executable")
                else -> emptyList()
            }
        }

        /** Simple commands (lists of words, quotes removed) and tokenizing problems. */
        private fun split(script: String): Pair<List<List<String>>, MutableList<String>> {
            val problems = mutableListOf<String>()
            val commands = mutableListOf<List<String>>()
            var words = mutableListOf<String>()
            val word = StringBuilder()
            var inWord = false
            fun endWord() {
                if (inWord) words += word.toString()
                word.setLength(0)
                inWord = false
            }
            fun endCommand() {
                endWord()
                if (words.isNotEmpty()) commands += dropRedirections(words)
                words = mutableListOf()
            }
            val text = script.replace("\\\r\n", "").replace("\\\n", "")
            var i = 0
            while (i < text.length) {
                val c = text[i]
                when {
                    c == '\'' -> {
                        val end = text.indexOf('\'', i + 1)
                        if (end < 0) return commands to (problems.apply { add("unterminated quote in: $script") })
                        word.append(text, i + 1, end)
                        inWord = true
                        i = end
                    }
                    c == '"' -> {
                        var j = i + 1
                        while (j < text.length && text[j] != '"') {
                            if (text[j] == '\\' && j + 1 < text.length) j++
                            else if (text[j] == '`' || text.startsWith("$(", j)) problems += "command substitution in: $script"
                            word.append(text[j])
                            j++
                        }
                        if (j >= text.length) return commands to (problems.apply { add("unterminated quote in: $script") })
                        inWord = true
                        i = j
                    }
                    c == '\\' && i + 1 < text.length -> {
                        word.append(text[i + 1])
                        inWord = true
                        i++
                    }
                    c == '`' || text.startsWith("$(", i) -> {
                        problems += "command substitution in: $script"
                        word.append(c)
                        inWord = true
                    }
                    c == '#' && !inWord -> {
                        while (i + 1 < text.length && text[i + 1] != '\n') i++
                    }
                    c == '\n' || c == ';' || c == '|' || c == '&' -> {
                        // `&&`, `||`, `|`, `;`, `&`, a newline: the next word starts a new command
                        // (`2>&1` is a redirection: `&` right after `>`)
                        if (c == '&' && word.endsWith(">")) word.append(c) else endCommand()
                    }
                    c.isWhitespace() -> endWord()
                    else -> {
                        word.append(c)
                        inWord = true
                    }
                }
                i++
            }
            endCommand()
            return commands to problems
        }

        /** Drops `> file`, `2>&1`, `>>file`, `< file`: they name files, not commands. */
        private fun dropRedirections(words: List<String>): List<String> {
            val kept = mutableListOf<String>()
            var skipNext = false
            for (w in words) {
                when {
                    skipNext -> skipNext = false
                    REDIRECT_ALONE.matches(w) -> skipNext = true
                    REDIRECT.matches(w) -> {}
                    else -> kept += w
                }
            }
            return kept
        }
    }

    companion object {
        /** The standard tools the CI files use besides ./mtboard; add one here when a script needs it. */
        val STANDARD_TOOLS = setOf("mkdir")

        private val ACTION_REF = Regex("""[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+(/[A-Za-z0-9._/-]+)?@[A-Za-z0-9._/-]+""")
        private val ASSIGNMENT = Regex("""[A-Za-z_][A-Za-z0-9_]*=.*""")
        private val REDIRECT_ALONE = Regex("""\d*(>>?|<)""")
        private val REDIRECT = Regex("""\d*(>>?|<)\S+""")
        private val GITLAB_KEYWORDS = setOf("stages", "variables", "default", "include", "workflow", "image", "services",
            "cache", "before_script", "after_script", "spec")
    }
}
