#!/usr/bin/env python3
"""Browser test of the reporting loop (issue 3, item 11).

A district reporter (hungha) logs in on a phone-sized window (390×844), fills the demo round's
form (indicators and its rows of the table forms), submits it, and the coordinator (dieuphoi)
then sees the submission in the completeness view. Needs Debian's chromium and chromium-driver and selenium from PyPI; the server must be
running with the demo data (scripts/browser-test.sh starts one).

Usage: browser_test.py BASE_URL
"""
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8080"
PASSWORD = "dxtrack-demo-2024"
PLAN = "KH-CĐS-2024"


def driver():
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=390,844"):
        options.add_argument(arg)
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
    WebDriverWait(d, 15).until(expected_conditions.staleness_of(page))


def login(d, username):
    d.get(BASE + "/login")
    d.find_element(By.NAME, "username").send_keys(username)
    d.find_element(By.NAME, "password").send_keys(PASSWORD)
    click_and_wait(d, d.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert "Đăng nhập" not in d.title, "login failed for " + username


def logout(d):
    # The header also holds the language switch, itself a form: pick the logout form.
    click_and_wait(d, d.find_element(By.CSS_SELECTOR, 'header form[action="/logout"] button'))
    assert d.find_elements(By.NAME, "username") or "/login" in d.current_url or d.find_elements(By.CSS_SELECTOR, "a.login"), "still logged in"


def field(d, name):
    return d.find_element(By.CSS_SELECTOR, '[name="%s"]' % name)


def main():
    d = driver()
    try:
        login(d, "hungha")
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
        print("browser test passed: hungha submitted at 390x844, dieuphoi sees: " + row_text
              + "; BM01's consolidated table shows Hưng Hà at 80,00%; Enter saves the designer"
              + "; the report preview shows 83/BC-BCĐ and 09/16; the section II picker builds and inserts references")
    finally:
        d.quit()


if __name__ == "__main__":
    main()
