"""Which URLs a page may hold.

Links out of the site are `https://` to a host on the campaign's allow-list,
or `mailto:` to an address in the campaign data; links inside the site have
no scheme and are MkDocs' `validation:` business. Anything else is refused,
and schemes that run code or read local data (`javascript:`, `data:`...) are
recognised however they are spelt: upper case, character references (the
HTML parser decodes those, as a browser does), tabs, newlines, control or
invisible characters, full-width letters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

from fov.base.findings import Problem

# Attributes whose value a browser reads as a URL (SVG animation values too:
# <animate attributeName="href" to="javascript:...">).
URL_ATTRIBUTES = frozenset({
    "href", "src", "srcset", "action", "formaction", "poster", "cite", "data", "background",
    "longdesc", "lowsrc", "dynsrc", "usemap", "codebase", "archive", "manifest", "icon",
    "profile", "ping", "xlink:href", "to", "from", "values", "by",
})
SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "livescript", "mocha"})
DANGEROUS_SCHEMES = SCRIPT_SCHEMES | frozenset({
    "data", "file", "filesystem", "blob", "jar", "mhtml", "ms-its", "view-source",
})
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
_C0_AND_SPACE = "".join(chr(c) for c in range(0x21))


@dataclass(frozen=True)
class LinkPolicy:
    hosts: frozenset[str] = frozenset()  # exact host names
    domains: tuple[str, ...] = ()  # "*.un.org" entries: any subdomain of un.org
    emails: frozenset[str] = frozenset()

    @classmethod
    def from_campaign(cls, campaign: dict) -> LinkPolicy:
        """allowed_hosts, plus the hosts of the organisations' websites and sign-up
        links; e-mail addresses: the organisations' (all in extra.campaign)."""
        organisations = campaign.get("organisations", [])
        urls = [o["website"] for o in organisations if o.get("website")]
        urls += list(campaign.get("sign_up", []))
        names = [str(h).lower().rstrip(".") for h in campaign.get("allowed_hosts", [])]
        names += [urlsplit(u).hostname or "" for u in urls]
        emails = [o["email"] for o in organisations if o.get("email")]
        emails += list(campaign.get("allowed_emails", []))
        return cls(
            hosts=frozenset(n for n in names if n and not n.startswith("*.")),
            domains=tuple(n[2:] for n in names if n.startswith("*.")),
            emails=frozenset(e.lower() for e in emails),
        )

    def allows_host(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        return host in self.hosts or any(host.endswith("." + d) for d in self.domains)


def browser_form(value: str) -> str:
    """The URL as a browser's URL parser sees it: no tabs or newlines, trimmed."""
    return re.sub(r"[\t\n\r]", "", value).strip(_C0_AND_SPACE)


def scheme(value: str) -> str | None:
    """The URL's scheme, lower-cased, as a browser reads it; None for a relative URL."""
    match = _SCHEME.match(browser_form(value).lower())
    return match.group(1) if match else None


def disguised_scheme(value: str) -> str | None:
    """The scheme the URL spells once every trick is undone: control, space and
    invisible characters dropped, full-width and other compatibility letters
    folded (NFKC), lower case."""
    folded = unicodedata.normalize("NFKC", value)
    kept = "".join(ch for ch in folded if ch > " " and unicodedata.category(ch) not in ("Cc", "Cf", "Zs"))
    match = _SCHEME.match(kept.lower())
    return match.group(1) if match else None


_COLONS = (":", "\uff1a", "\ufe55", "\ufe13")  # and the forms NFKC folds into ':'


def dangerous_scheme(value: str) -> str | None:
    """'javascript', 'data'... when the URL uses (or disguises) such a scheme."""
    if not any(colon in value for colon in _COLONS):
        return None  # no scheme without a colon
    for found in (scheme(value), disguised_scheme(value)):
        if found in DANGEROUS_SCHEMES:
            return found
    return None


def dangerous_scheme_problem(value: str, needles: tuple[str, ...], section: tuple[str, ...],
                             written: str = "") -> Problem | None:
    """`written`: the value as the HTML spells it, when that differs (&#x6A;avascript:)."""
    found = dangerous_scheme(value)
    if not found:
        return None
    shown = f"'{_short(value)}'"
    if written and written != value:
        shown = f"'{_short(written)}' (read as '{_short(value)}')"
    return Problem(
        what=f"the URL {shown} uses the '{found}:' scheme, which can run code or "
        "read local data in the reader's browser",
        fix="link to an https:// page instead, or remove the link",
        needles=needles, section=section,
    )


def link_problems(value: str, policy: LinkPolicy, needles: tuple[str, ...] = (),
                  section: tuple[str, ...] = (), written: str = "") -> list[Problem]:
    """What is wrong with one URL written in a page (empty for a good one)."""
    needles = needles or (value,)
    danger = dangerous_scheme_problem(value, needles, section, written)
    if danger:
        return [danger]
    form = browser_form(value)
    found = scheme(value)
    if found is None:
        if form.startswith(("//", "\\\\", "/\\", "\\/")):
            return [Problem(
                what=f"the link '{_short(value)}' has no scheme (it leaves the site over "
                "whatever protocol the page was loaded with)",
                fix=f"write it in full: https:{form}", needles=needles, section=section)]
        return []  # a link inside the site: MkDocs' validation checks it
    if found == "mailto":
        return _mailto_problems(form, policy, needles, section)
    problems = []
    if found == "http":
        problems.append(Problem(
            what=f"the link '{_short(value)}' uses http://, which is not encrypted",
            fix=f"write https://{form.split('://', 1)[-1]} (check that the page opens)",
            needles=needles, section=section))
    elif found != "https":
        return [Problem(
            what=f"the link '{_short(value)}' uses the '{found}:' scheme; links out of the site "
            "must be https:// (or mailto: to a campaign address)",
            fix="link to the https:// page instead", needles=needles, section=section)]
    host = _host(form)
    if not host:
        problems.append(Problem(what=f"the link '{_short(value)}' names no host",
                                fix="write the full address, https://host/path",
                                needles=needles, section=section))
    elif not policy.allows_host(host):
        problems.append(Problem(
            what=f"the link goes to '{host}', which is not on the campaign's list of allowed sites",
            fix=f"link to a partner or UN site instead, or ask a maintainer to add '{host}' to "
            "extra.campaign.allowed_hosts in mkdocs.yml",
            needles=needles, section=section))
    return problems


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:  # e.g. a malformed IPv6 literal
        return ""


def mailto_addresses(url: str) -> list[str]:
    """Every address a mailto: URL writes to (path, to=, cc=, bcc=), decoded, lower case."""
    rest = browser_form(url)[len("mailto:"):]
    path, _, query = rest.partition("?")
    addresses = [unquote(a) for a in path.split(",")]
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key.lower() in ("to", "cc", "bcc"):
            addresses += value.split(",")
    return [a.strip().lower() for a in addresses if a.strip()]


def _mailto_problems(url, policy, needles, section) -> list[Problem]:
    known = ", ".join(sorted(policy.emails)) or "none yet"
    return [
        Problem(
            what=f"the e-mail address '{address}' is not one of the campaign's addresses",
            fix=f"use one of: {known}; or ask a maintainer to add it to the organisation's "
            "'email' in extra.campaign.organisations (mkdocs.yml)",
            needles=(address,) + needles, section=section)
        for address in mailto_addresses(url) if address not in policy.emails
    ]


def _short(value: str, limit: int = 80) -> str:
    """The value for a message: invisible and control characters shown as \\uXXXX."""
    value = "".join(f"\\u{ord(ch):04X}" if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch
                    for ch in value)
    return value if len(value) <= limit else value[: limit - 1] + "…"
