package org.mtboard.platform.ui;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtboard.platform.PostgresResource;
import org.mtboard.platform.TestTeams;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web pages in a real browser (Debian's headless chromium) over the real service: the board against the API's
 * own rows, sorting by keyboard, filters, the entry's drawn charts, and a submission from the form to the board.
 * Screenshots go to target/screenshots/.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class PagesTest {
    static {
        TestTeams.sendYamlAsText();
    }

    private static final Path SHOTS = Path.of("target/screenshots");
    private static long ppoEntry;
    private static long grpoEntry;

    @Inject
    TestTeams teams;

    @TestHTTPResource("/")
    URL base;

    /** Two finished entries of different algorithm and scheme on the tiny board, made once for the class. */
    @BeforeEach
    void entries() throws Exception {
        if (ppoEntry != 0) {
            return;
        }
        String token = teams.token("pages", 20, 30);
        ppoEntry = submit(token, TestTeams.config(7e-4));
        grpoEntry = submit(token, Files.readString(Path.of("src/test/resources/tiny-grpo.yaml")));
        for (long id : new long[] {ppoEntry, grpoEntry}) {
            waitFinished(id);
        }
        TestTeams.board("tiny", "smoke", b -> TestTeams.lists(b, ppoEntry) && TestTeams.lists(b, grpoEntry));
    }

    private static long submit(String token, String yaml) {
        return given().auth().oauth2(token).contentType("application/yaml").body(yaml).queryParam("benchmark", "tiny")
                .queryParam("tier", "smoke").post("/api/submissions").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void waitFinished(long id) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        String status;
        do {
            status = given().get("/api/submissions/" + id).then().statusCode(200).extract().jsonPath().getString("status");
            if ("finished".equals(status)) {
                return;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < end && !"failed".equals(status));
        throw new AssertionError("submission #" + id + " ended " + status);
    }

    private String page(String path) {
        return base.toString().replaceAll("/$", "") + "/" + path;
    }

    private static List<Long> rowIds(Browser b) {
        return b.all("#board tbody tr").stream().map(r -> Long.parseLong(r.getDomAttribute("data-id"))).toList();
    }

    private static List<Map<String, Object>> apiRows() {
        JsonPath board = given().queryParam("tier", "smoke").queryParam("limit", 0).get("/api/leaderboards/tiny").then()
                .statusCode(200).extract().jsonPath();
        return board.getList("entries");
    }

    private static long id(Map<String, Object> row) {
        return ((Number) row.get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static double point(Map<String, Object> row, String metric) {
        return ((Number) ((Map<String, Object>) row.get(metric)).get("point")).doubleValue();
    }

    @Test
    void boardListsTheApiEntriesInOrderSortsByKeyboardAndFilters() throws Exception {
        try (Browser b = new Browser(1280, 1100)) {
            b.open(page("board.html?benchmark=tiny&tier=smoke"));
            List<Map<String, Object>> api = apiRows();
            assertEquals(api.stream().map(PagesTest::id).toList(), rowIds(b), "rows in the API's rank order");
            int plotted = Math.min(api.size(), 40);
            for (String metric : List.of("median", "iqm", "mean", "optimality_gap")) {
                assertEquals(plotted, b.all(".panel[data-metric=" + metric + "] .point").size(), metric + " points drawn");
                assertEquals(plotted, b.all(".panel[data-metric=" + metric + "] .whisker").size(), metric + " intervals drawn");
            }
            b.screenshot(SHOTS.resolve("board.png"));

            // Keyboard alone: Tab from the top of the page to the IQM header's button, then Enter.
            b.js("document.activeElement.blur(); window.scrollTo(0, 0);");
            WebElement active = null;
            for (int i = 0; i < 80; i++) {
                new Actions(b.driver).sendKeys(Keys.TAB).perform();
                active = b.driver.switchTo().activeElement();
                if ("iqm".equals(active.getDomAttribute("data-sort"))) {
                    break;
                }
            }
            assertEquals("iqm", active.getDomAttribute("data-sort"), "the IQM sort button is reachable by Tab");
            active.sendKeys(Keys.ENTER);
            List<Map<String, Object>> byIqm = new ArrayList<>(api); // stable: ties keep rank order, as the page does
            byIqm.sort(Comparator.comparingDouble((Map<String, Object> r) -> point(r, "iqm")).reversed());
            assertEquals(byIqm.stream().map(PagesTest::id).toList(), rowIds(b), "rows by IQM, best first");
            assertEquals("descending", b.one("th:has(button[data-sort=iqm])").getDomAttribute("aria-sort"));
            assertTrue(b.driver.getCurrentUrl().contains("sort=iqm"), "the sorted view has its own URL: " + b.driver.getCurrentUrl());

            new Select(b.one("#filter-algorithm")).selectByValue("mt-grpo");
            List<Long> grpo = api.stream().filter(r -> "mt-grpo".equals(r.get("algorithm"))).map(PagesTest::id).toList();
            assertEquals(new java.util.HashSet<>(grpo), new java.util.HashSet<>(rowIds(b)), "only the MT-GRPO entries");
            assertTrue(rowIds(b).contains(grpoEntry));
            new Select(b.one("#filter-algorithm")).selectByValue("");
            new Select(b.one("#filter-scheme")).selectByValue("shared");
            List<Long> shared = api.stream().filter(r -> "shared".equals(r.get("scheme"))).map(PagesTest::id).toList();
            assertEquals(new java.util.HashSet<>(shared), new java.util.HashSet<>(rowIds(b)), "only the shared-network entries");
            assertFalse(rowIds(b).contains(grpoEntry), "the multi-head entry is filtered out");
            assertEquals(List.of(), b.consoleProblems());
        }
    }

    @Test
    void entryPageDrawsItsPerTaskChartCurvesAndProfile() throws Exception {
        try (Browser b = new Browser(1280, 1400)) {
            b.open(page("entry.html?id=" + ppoEntry));
            assertEquals(10, b.all("#task-chart svg .bar").size(), "one bar per MT10 task");
            assertEquals(10, b.all("#task-chart svg .whisker-line").size(), "one interval per task");
            assertEquals(10, b.all("#task-table tbody tr").size(), "the chart's table");
            assertEquals(3, b.all("#curve-frames svg .seed-line").size(), "a faint line per seed");
            assertEquals(1, b.all("#curve-frames svg .mean-line").size());
            assertEquals(1, b.all("#curve-frames svg .band").size());
            assertEquals(1, b.all("#curve-frames svg .second-line").size(), "the IQM beside the mean");
            assertTrue(b.one("#curve-note").getText().contains("band are the mean"), b.one("#curve-note").getText());
            assertEquals(3, b.all("#curve-wall svg .seed-line").size());
            assertEquals(1, b.all("#profile-chart svg .band").size());
            assertEquals(3, b.all("#seeds tbody tr").size(), "a row per seed");
            // The reproduction badge beside the title says what the API says.
            String badge = given().get("/api/entries/" + ppoEntry).then().statusCode(200).extract().jsonPath().getString("badge.state");
            assertEquals(badge, b.one("#badge .badge-state").getText());
            assertEquals(badge, b.one("#badge").getDomAttribute("data-state"));
            assertEquals(badge, b.one("#badge").getText().strip(), "an unchecked entry's badge says only that");
            assertFalse(b.one("#config").getText().isBlank());
            String mean = b.all("#aggregates tbody tr").get(0).getText();
            assertTrue(mean.startsWith("Mean"), mean);
            for (String id : List.of("export-json", "export-csv", "export-config")) {
                String href = b.one("#" + id).getDomAttribute("href");
                given().get(href).then().statusCode(200);
            }
            b.screenshot(SHOTS.resolve("entry.png"));
            assertEquals(List.of(), b.consoleProblems());
        }
    }

    @Test
    void submitPageShowsFieldErrorsThenProgressThenTheEntryOnTheBoard() throws Exception {
        String token = teams.token("pages-submit", 20, 30);
        try (Browser b = new Browser(1280, 1100)) {
            b.open(page("submit.html?benchmark=tiny&tier=smoke"));
            b.one("#token").sendKeys("mtb_not-a-token");
            setConfig(b, TestTeams.config(6e-4));
            b.one("#send").click();
            waitFor(b, () -> !b.one("#error-token").getText().isEmpty());
            assertEquals("true", b.one("#token").getDomAttribute("aria-invalid"));

            b.one("#token").clear();
            b.one("#token").sendKeys(token);
            setConfig(b, TestTeams.config(5.0));
            b.one("#send").click();
            waitFor(b, () -> !b.all("#config-errors li.problem").isEmpty());
            WebElement problem = b.one("#config-errors li.problem[data-field='hyperparameters.learning_rate']");
            assertTrue(problem.getText().contains("learning_rate"), problem.getText());
            // Beside the field it names: the config's error list sits next to the config box.
            WebElement box = b.one("#config");
            assertTrue(problem.getLocation().getY() < box.getLocation().getY() + box.getSize().getHeight(), "problem level with the config box");
            assertEquals(b.js("return arguments[0].parentElement", box), b.js("return arguments[0].parentElement", b.one("#config-errors")));
            assertEquals("true", box.getDomAttribute("aria-invalid"));

            setConfig(b, TestTeams.config(6e-4));
            b.one("#send").click();
            new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("submission.html?id="));
            long id = Long.parseLong(b.driver.getCurrentUrl().replaceAll(".*id=", ""));
            new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("tr.run progress")).isEmpty());
            assertEquals(3, b.all("tr.run").size(), "a row with a progress bar per frozen seed");
            new WebDriverWait(b.driver, Duration.ofMinutes(4)).until(d -> "finished".equals(d.findElement(By.id("summary")).getDomAttribute("data-status")));
            assertEquals(3, b.all("tr.run[data-status=finished]").size());
            assertFalse(b.all("#audit tbody tr").isEmpty(), "the history of status changes");
            b.one("#to-entry").click();
            new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            TestTeams.board("tiny", "smoke", j -> TestTeams.lists(j, id));
            b.open(page("board.html?benchmark=tiny&tier=smoke"));
            assertTrue(rowIds(b).contains(id), "the new entry is on the board");
            // The browser logs the two refusals this test asked for (401, 400) as failed loads; nothing else may appear.
            assertEquals(List.of(), b.consoleProblems().stream()
                    .filter(line -> !(line.contains("/api/submissions?") && line.matches(".*status of 40[01].*"))).toList());
        }
    }

    /** Checked at both widths the issue names: nothing wider than the window (tables scroll in their own box). */
    @Test
    void pagesFitAPhoneAndALaptop() throws Exception {
        for (int width : new int[] {390, 1280}) {
            try (Browser b = new Browser(width, 900)) {
                for (String p : List.of("index.html", "board.html?benchmark=tiny&tier=smoke", "entry.html?id=" + ppoEntry, "submit.html",
                        "submission.html?id=" + ppoEntry)) {
                    b.open(page(p));
                    long scroll = ((Number) b.js("return document.documentElement.scrollWidth")).longValue();
                    long inner = ((Number) b.js("return window.innerWidth")).longValue();
                    assertTrue(scroll <= inner, p + " at " + width + " px is " + scroll + " px wide");
                    if (width == 390 && p.startsWith("board")) {
                        b.screenshot(SHOTS.resolve("board-390.png"));
                    }
                }
                assertEquals(List.of(), b.consoleProblems());
            }
        }
    }

    private static void setConfig(Browser b, String yaml) {
        b.js("arguments[0].value = arguments[1]", b.one("#config"), yaml);
    }

    private static void waitFor(Browser b, java.util.function.BooleanSupplier ok) {
        new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> ok.getAsBoolean());
    }
}
