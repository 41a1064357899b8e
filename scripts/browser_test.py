#!/usr/bin/env python3
"""Browser test of the reporting loop (issue 3, item 11) and of the main pages (issue 16, item 5).

A district reporter (hungha) logs in on a phone-sized window (390×844), fills the demo round's
form (indicators and its rows of the table forms), submits it, and the coordinator (dieuphoi)
then sees the submission in the completeness view.

Every main page (login, dashboard, indicator, round, ranking, data entry, set-up with a plan,
an indicator and a unit, report templates with the new-template form) is also opened at 375 px
and at 1280 px wide: a full-page screenshot of each goes to artifacts/screenshots/ (kept by CI
for people to look at, never compared pixel by pixel), axe-core checks it (any serious or
critical violation fails the test), and at 375 px no page may scroll sideways except inside a
region that says it scrolls (a `.wide` table wrapper with role=region and an aria-label). The
browser asks for English, and the pages must still be Vietnamese (issue 16, item 3).

Needs Debian's chromium and chromium-driver, selenium and axe-selenium-python (it ships
axe.min.js) from PyPI; the server must be running with the demo data (scripts/browser-test.sh
starts one).

Usage: browser_test.py BASE_URL [SCREENSHOT_DIR]
"""
import os
import re
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8080"
SHOTS = sys.argv[2] if len(sys.argv) > 2 else "artifacts/screenshots"
PASSWORD = "dxtrack-demo-2024"
PLAN = "KH-CĐS-2024"
WIDTHS = (375, 1280)

# Elements that scroll sideways on their own, or make the page do so. A scroller is allowed
# only when it says it scrolls: role=region with an aria-label (Layout.scrollRegions).
OVERFLOW_JS = """
var doc = document.documentElement, bad = [];
document.querySelectorAll('body *').forEach(function (el) {
  var st = getComputedStyle(el);
  if (el.scrollWidth > el.clientWidth + 1 && (st.overflowX === 'auto' || st.overflowX === 'scroll')) {
    if (!(el.getAttribute('role') === 'region' && el.getAttribute('aria-label'))) {
      bad.push('unlabelled scroller ' + el.tagName.toLowerCase() + '.' + el.className);
    }
  }
});
var wide = [];
if (doc.scrollWidth > doc.clientWidth) {
  document.querySelectorAll('body *').forEach(function (el) {
    var r = el.getBoundingClientRect();
    if (r.right > doc.clientWidth + 0.5 && !el.closest('[role=region]')) wide.push(el.tagName.toLowerCase() + '.' + el.className + ' ends at ' + Math.round(r.right));
  });
}
return {page: doc.scrollWidth, view: doc.clientWidth, bad: bad, wide: wide.slice(0, 5)};
"""


def driver():
    options = webdriver.ChromeOptions()
    # Overlay scrollbars, as on a phone: the page gets the window's whole width.
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=390,844", "--hide-scrollbars", "--lang=en-US"):
        options.add_argument(arg)
    # A browser that asks for English, as most officials' do: the pages must still be Vietnamese.
    options.add_experimental_option("prefs", {"intl.accept_languages": "en-US,en"})
    options.binary_location = "/usr/bin/chromium"
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    d.set_window_size(390, 844)
    d.implicitly_wait(5)
    return d


def click_and_wait(d, element):
    """Clicks a submit button and waits for the next page: the old page's html goes stale."""
    page = d.find_element(By.TAG_NAME, "html")
    d.execute_script("arguments[0].scrollIntoView()", element)
    element.click()

    def gone(_):
        try:
            page.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as e:
            # Asked in the middle of the navigation, chromium says so instead of "stale".
            if "does not belong to the document" in str(e):
                return True
            raise

    WebDriverWait(d, 15).until(gone)


def login(d, username):
    d.get(BASE + "/login")
    d.find_element(By.NAME, "username").send_keys(username)
    d.find_element(By.NAME, "password").send_keys(PASSWORD)
    click_and_wait(d, d.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert "Đăng nhập" not in d.title, "login failed for " + username


def logout(d):
    # On a phone the header's links are folded behind the menu button: open it first.
    button = d.find_element(By.CSS_SELECTOR, "label.menu-button")
    if button.is_displayed() and not d.find_element(By.CSS_SELECTOR, "header.site nav").is_displayed():
        button.click()
    # The header also holds the language switch, itself a form: pick the logout form.
    click_and_wait(d, d.find_element(By.CSS_SELECTOR, 'header form[action="/logout"] button'))
    assert d.find_elements(By.NAME, "username") or "/login" in d.current_url or d.find_elements(By.CSS_SELECTOR, "a.login"), "still logged in"


def axe_violations(d):
    """axe-core's serious and critical violations of the current page, as readable lines."""
    from axe_selenium_python import Axe
    axe = Axe(d)
    axe.inject()
    results = axe.run()
    lines = []
    for v in results["violations"]:
        if v.get("impact") in ("serious", "critical"):
            targets = "; ".join(" ".join(n["target"]) if isinstance(n["target"], list) else str(n["target"]) for n in v["nodes"][:5])
            lines.append("%s (%s): %s — %s" % (v["id"], v["impact"], v["help"], targets))
    return lines


def set_width(d, width):
    """Sizes the window so that the page's viewport is `width` px wide."""
    for _ in range(3):
        d.set_window_size(width + (d.get_window_size()["width"] - d.execute_script("return window.innerWidth")), 900)
        if d.execute_script("return window.innerWidth") == width:
            return
    raise AssertionError("the window could not be made %d px wide" % width)


def check_page(d, name, path, problems):
    """Screenshots, axe-core and the sideways-scroll rule for one page at both widths."""
    os.makedirs(SHOTS, exist_ok=True)
    for width in WIDTHS:
        set_width(d, width)
        d.get(BASE + path)
        assert "Không tìm thấy trang này" not in d.page_source, "%s: %s not found" % (name, path)
        if width == 375:
            # What is folded must fit too: the template editor, its picker, a notice's text.
            d.execute_script("document.querySelectorAll('details').forEach(function (x) { x.open = true })")
            o = d.execute_script(OVERFLOW_JS)
            if o["page"] > o["view"]:
                problems.append("%s at 375 px scrolls sideways: %d px of content in %d px (%s)" % (name, o["page"], o["view"], "; ".join(o["wide"])))
            for line in o["bad"]:
                problems.append("%s at 375 px: %s" % (name, line))
        for line in axe_violations(d):
            problems.append("%s at %d px: %s" % (name, width, line))
        # A full-page picture: the window as tall as the page (capped), then back.
        height = d.execute_script("return Math.min(document.documentElement.scrollHeight, 12000)")
        d.set_window_size(d.get_window_size()["width"], max(height + 100, 600))
        d.execute_script("window.scrollTo(0, 0)")
        d.save_screenshot(os.path.join(SHOTS, "%s-%d.png" % (name, width)))
    set_width(d, 390)


def field(d, name):
    return d.find_element(By.CSS_SELECTOR, '[name="%s"]' % name)


def main():
    d = driver()
    problems = []
    try:
        check_page(d, "login", "/login", problems)
        # Vietnamese by default, whatever the browser asks for (issue 16, item 3).
        assert d.execute_script("return navigator.language").startswith("en"), "the browser asks for English"
        assert d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "vi", "Vietnamese unless chosen"
        assert "Đăng nhập" in d.page_source
        login(d, "hungha")
        check_page(d, "data-entry", "/rounds/bc-nam-2024/units/339", problems)
        d.get(BASE + "/rounds/bc-nam-2024/units/339")
        assert "Huyện Hưng Hà" in d.page_source
        # Usable at phone width: nothing wider than the window.
        width = d.execute_script("return document.documentElement.scrollWidth")
        assert width <= 400, "page is %d px wide at phone size" % width

        # A wrong figure is refused with a Vietnamese message next to the field.
        field(d, "v|%s|2.numerator" % PLAN).send_keys("120")
        field(d, "v|%s|2.denominator" % PLAN).send_keys("100")
        # Its row of the table forms: BM02's total does not add up.
        field(d, "f|BM01|339|1").send_keys("1.200")
        field(d, "f|BM01|339|2").send_keys("300")
        for column, value in [("1", "1.000"), ("2", "200"), ("3", "700"), ("4", "50")]:
            field(d, "f|BM02|339|%s" % column).send_keys(value)
        click_and_wait(d, d.find_element(By.ID, "save"))
        assert "Tử số (120) lớn hơn mẫu số (100)" in d.page_source, d.page_source[:3000]
        assert "Không khớp: Tổng số = Trực tiếp, bưu chính + Trực tuyến + Kỳ trước chuyển sang" in d.page_source
        field(d, "f|BM02|339|1").clear()
        field(d, "f|BM02|339|1").send_keys("950")

        # Fix it, answer the rest, write the narrative, submit.
        field(d, "v|%s|2.numerator" % PLAN).clear()
        field(d, "v|%s|2.numerator" % PLAN).send_keys("85")
        for code in ["1", "6", "7", "8", "9", "11", "12", "15"]:
            field(d, "v|%s|%s.comment" % (PLAN, code)).send_keys("Chưa có số liệu")
        for code in ["10", "14"]:
            d.find_element(By.CSS_SELECTOR, 'select[name="v|%s|%s.judgement"] option[value="partlyMet"]' % (PLAN, code)).click()
        field(d, "n|Kết quả").send_keys("Huyện Hưng Hà hoàn thành cơ bản các chỉ tiêu chuyển đổi số năm 2024.")
        click_and_wait(d, d.find_element(By.ID, "submit"))
        assert "Đã gửi báo cáo." in d.page_source, d.page_source[:2000]
        assert d.find_element(By.ID, "report-state").text == "Đã gửi"
        assert "80,00%" in d.page_source, "BM01's online rate computed from the saved row"
        logout(d)

        login(d, "dieuphoi")
        d.get(BASE + "/rounds/bc-nam-2024")
        row = d.find_element(By.CSS_SELECTOR, 'tr[data-unit="339"]')
        row_text = row.text
        assert "Đã gửi" in row_text, row_text

        # Hưng Hà's row reaches the consolidated table of BM01, with the rate of its figures.
        d.get(BASE + "/forms/BM01/table?period=2024")
        table_row = [r.text for r in d.find_elements(By.CSS_SELECTOR, "table tr") if "Huyện Hưng Hà" in r.text]
        assert table_row and "80,00%" in table_row[0], table_row
        # Enter in the designer saves (the first button), it does not add empty column rows.
        d.get(BASE + "/forms/BM01")
        title = field(d, "title")
        title.clear()
        title.send_keys("Kết quả tiếp nhận hồ sơ trực tuyến\n")
        WebDriverWait(d, 10).until(lambda drv: "/forms/BM01" in drv.current_url and "Kết quả tiếp nhận hồ sơ trực tuyến" in drv.page_source)
        assert "msg=" in d.current_url, "saved and redirected: " + d.current_url

        # The report preview is framed by the template page: the browser must be allowed to
        # show it (CSP frame-ancestors 'self') and it must carry the evaluation's sentence.
        d.get(BASE + "/reports/bao-cao-cds-tinh?period=2024S1&number=83")
        frame = d.find_element(By.CSS_SELECTOR, "iframe.preview")
        d.switch_to.frame(frame)
        preview = d.find_element(By.TAG_NAME, "body").text
        d.switch_to.default_content()
        assert "09/16 chỉ tiêu đạt 56,25%" in preview, preview[:2000]
        assert "83/BC-BCĐ" in preview, preview[:2000]

        # The section II picker: the script shows the builder, which assembles a reference, and
        # a click on a listed reference inserts it at the cursor of the section II field.
        d.get(BASE + "/reports/bao-cao-6-thang-2024")
        # The editor is folded under "Sửa mẫu báo cáo"; unfold it, then the picker.
        d.execute_script("document.querySelectorAll('details').forEach(function (x) { x.open = true })")
        builder = d.find_element(By.CSS_SELECTOR, "details.picker .builder")
        assert builder.is_displayed(), "the script shows the builder"
        Select(field(d, "refItem")).select_by_value("SL-CĐS-2024|7.5")
        field(d, "refPeriod").send_keys("2024S1")
        built = builder.find_element(By.TAG_NAME, "output").text
        assert built == "[[value|SL-CĐS-2024|7.5||2024S1]]", built
        area = field(d, "sectionII")
        d.execute_script("arguments[0].value = 'Hồ sơ: '; arguments[0].setSelectionRange(7, 7)", area)
        code = d.find_element(By.XPATH, "//details[@class='picker']//code[text()='[[parts|SL-CĐS-2024|4.2]]']")
        d.execute_script("arguments[0].scrollIntoView()", code)
        code.click()
        assert area.get_attribute("value") == "Hồ sơ: [[parts|SL-CĐS-2024|4.2]]", area.get_attribute("value")
        logout(d)

        # The main pages as the administrator sees them (every menu entry shown).
        login(d, "admin")
        pages = [
            ("dashboard", "/plans/kh-cds-2024/dashboard?period=2024"),
            ("dashboard-plan", "/plans/83-kh-bcd-2024/dashboard?period=2024S1"),
            ("indicator", "/plans/kh-cds-2024/indicators/3?period=2024"),
            ("round", "/rounds/bc-nam-2024"),
            ("ranking", "/rankings/SODTT-2024"),
            ("setup", "/setup"),
            ("setup-plan", "/setup/plans/kh-cds-2024"),
            ("setup-indicator", "/setup/plans/kh-cds-2024/indicators/3"),
            ("setup-unit", "/setup/units/339"),
            ("report-templates", "/reports"),
            ("report-template", "/reports/bao-cao-6-thang-2024"),
            ("report-template-new", "/reports/new"),
        ]
        for name, path in pages:
            check_page(d, name, path, problems)
        # The phone menu opens without JavaScript: its checkbox's label shows the links.
        set_width(d, 375)
        d.get(BASE + "/plans/kh-cds-2024/dashboard?period=2024")
        nav = d.find_element(By.CSS_SELECTOR, "header.site nav")
        assert not nav.is_displayed(), "the menu is folded at 375 px"
        d.find_element(By.CSS_SELECTOR, "label.menu-button").click()
        assert nav.is_displayed(), "the menu button opens the menu"
        assert problems == [], "\n".join(problems)
        print("browser test passed: hungha submitted at 390x844, dieuphoi sees: " + row_text
              + "; BM01's consolidated table shows Hưng Hà at 80,00%; Enter saves the designer"
              + "; the report preview shows 83/BC-BCĐ and 09/16; the section II picker builds and inserts references"
              + "; %d pages at 375 and 1280 px without serious axe-core violations or sideways scrolling, screenshots in %s"
              % (len(pages) + 2, SHOTS))
    finally:
        d.quit()


if __name__ == "__main__":
    main()
