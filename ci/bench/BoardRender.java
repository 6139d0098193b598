import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * ci/bench/board-render.sh's timer: loads the board page RUNS times in Debian's headless chromium (a fresh
 * browser each time, so nothing is cached) and reports the page's own clock at "drawn" (performance.now() when
 * board.js has fetched the board and drawn table and plot) and the time one re-sort by IQM takes.
 * Usage: java -cp SELENIUM_CLASSPATH BoardRender.java URL ROWS RUNS
 */
public class BoardRender {
    public static void main(String[] args) {
        String url = args[0];
        int rows = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        List<Long> load = new ArrayList<>();
        List<Double> sort = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            ChromeOptions o = new ChromeOptions();
            o.setBinary("/usr/bin/chromium");
            o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900");
            ChromeDriver d = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build(), o);
            try {
                d.get(url);
                new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> "true".equals(x.findElement(By.tagName("body")).getDomAttribute("data-ready")));
                int drawn = d.findElements(By.cssSelector("#board tbody tr")).size();
                if (drawn != rows) {
                    throw new IllegalStateException("drew " + drawn + " rows, expected " + rows);
                }
                load.add(Long.parseLong(d.findElement(By.tagName("body")).getDomAttribute("data-render-ms")));
                sort.add(((Number) ((JavascriptExecutor) d).executeScript(
                        "const t = performance.now(); document.querySelector('button[data-sort=iqm]').click(); return performance.now() - t;")).doubleValue());
            } finally {
                d.quit();
            }
        }
        Collections.sort(load);
        Collections.sort(sort);
        System.out.printf("board page, %d rows, %d cold loads: navigation to drawn min %d ms, median %d ms, max %d ms;"
                        + " re-sort by IQM (table and plot redrawn) min %.0f ms, median %.0f ms, max %.0f ms%n",
                rows, runs, load.get(0), load.get(runs / 2), load.get(runs - 1), sort.get(0), sort.get(runs / 2), sort.get(runs - 1));
    }
}
