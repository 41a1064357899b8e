"""HTTP helpers shared by the benchmark scripts: one request per connection (as a browser's
first visit), the cookie jar's one lookup, and signing in through the login form."""
import http.client
import urllib.parse


class Client:
    def __init__(self, base, timeout=600):
        self.url = urllib.parse.urlparse(base)
        self.timeout = timeout

    def request(self, method, path, body=None, headers=None):
        c = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=self.timeout)
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, r.getheader("Set-Cookie") or "", data

    def login(self, username, password):
        """The headers of a signed-in page request."""
        _, sc, _ = self.request("GET", "/login")
        csrf = cookie(sc, "dxtrack_csrf")
        body = urllib.parse.urlencode({"_csrf": csrf, "username": username, "password": password, "next": ""})
        status, sc, _ = self.request("POST", "/login", body, {"Cookie": "dxtrack_csrf=" + csrf,
                                                              "Content-Type": "application/x-www-form-urlencoded"})
        session = cookie(sc, "dxtrack_session")
        assert status == 303 and session, f"login of {username} failed: {status}"
        return {"Cookie": "dxtrack_session=" + session}


def cookie(set_cookie, name):
    for part in set_cookie.replace(",", ";").split(";"):
        part = part.strip()
        if part.startswith(name + "="):
            return part.split("=", 1)[1]
    return ""
