#!/usr/bin/python3
"""Print the AT-SPI tree of Chromium's web document(s) -- what Orca sees.

Run inside the harness's D-Bus session (scripts/screen-reader/run does this when DUMP_TREE=1).
Each line: indent, role, "name", then selected states and object attributes
(xml-roles, tag, live, ...). Text of leaf text nodes is shown as text="...".
"""
import sys
import pyatspi

MAX_NODES = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
count = 0
STATES = ["focusable", "focused", "showing", "visible", "expandable", "expanded",
          "editable", "checked", "pressed", "selected", "invalid_entry", "required"]


def attrs(obj):
    try:
        d = dict(a.split(":", 1) for a in obj.getAttributes() if ":" in a)
    except Exception:
        return {}
    keep = ("xml-roles", "tag", "id", "live", "container-live", "atomic", "relevant",
            "level", "haspopup", "roledescription", "class")
    return {k: v for k, v in d.items() if k in keep}


def text_of(obj):
    try:
        t = obj.queryText()
        s = t.getText(0, t.characterCount)
        return s.replace("\ufffc", "[OBJ]")
    except Exception:
        return None


def dump(obj, depth):
    global count
    if obj is None or count >= MAX_NODES:
        return
    count += 1
    try:
        role = obj.getRoleName()
        name = obj.name or ""
        st = obj.getState()
        states = [s for s in STATES if st.contains(getattr(pyatspi, "STATE_" + s.upper()))]
    except Exception as e:
        print("  " * depth + f"<dead: {e}>")
        return
    line = "  " * depth + f"{role} \"{name}\""
    desc = ""
    try:
        desc = obj.description or ""
    except Exception:
        pass
    if desc:
        line += f" desc=\"{desc}\""
    a = attrs(obj)
    if a:
        line += " " + " ".join(f"{k}={v}" for k, v in a.items())
    if states:
        line += " [" + ",".join(states) + "]"
    if obj.childCount == 0 or role in ("heading", "link", "push button", "label"):
        t = text_of(obj)
        if t and t.strip() and t.strip() != name:
            line += f" text=\"{t.strip()[:120]}\""
    print(line)
    for i in range(obj.childCount):
        try:
            dump(obj.getChildAtIndex(i), depth + 1)
        except Exception as e:
            print("  " * (depth + 1) + f"<error {e}>")


def find_docs(obj, out, depth=0):
    if obj is None or depth > 25:
        return
    try:
        if obj.getRole() == pyatspi.ROLE_DOCUMENT_WEB:
            out.append(obj)
            return
        for i in range(obj.childCount):
            find_docs(obj.getChildAtIndex(i), out, depth + 1)
    except Exception:
        pass


desktop = pyatspi.Registry.getDesktop(0)
docs = []
for app in desktop:
    if app is not None and (app.name or "").lower().startswith("chrom"):
        find_docs(app, docs)
if not docs:
    print("no Chromium document found; apps:", [a.name for a in desktop if a])
for d in docs:
    dump(d, 0)
