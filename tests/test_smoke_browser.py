import pytest

pytestmark = pytest.mark.browser


def test_home_page_renders_in_chromium(page, site_server):
    page.goto(site_server + "/")
    assert page.locator("html").get_attribute("lang") == "en"
