#!/usr/bin/env python3
"""Edits copies of p2 repositories for releng/check-snapins.sh (test only), and slices the API baseline.

  plain FOLDER                 content.jar/artifacts.jar -> content.xml/artifacts.xml (compressed forms removed)
  unsign FOLDER                removes the jar signatures of a plain copy, then computes its checksums again
  require FOLDER UNIT BUNDLE   adds to UNIT a requirement on the bundle BUNDLE [1.0.0,2.0.0) (that nobody has)
  slice FROM TO BUNDLE...      a new plain repository TO with only the bundles BUNDLE... of the built site FROM
                               (their units and jars): releng/update-api-baseline.sh makes releng/api-baseline so
"""
import glob
import hashlib
import os
import re
import sys
import zipfile


def plain(root):
    for name in ("content", "artifacts"):
        with zipfile.ZipFile(os.path.join(root, name + ".jar")) as z:
            data = z.read(name + ".xml")
        with open(os.path.join(root, name + ".xml"), "wb") as f:
            f.write(data)
        for gone in (name + ".jar", name + ".xml.xz"):
            if os.path.exists(os.path.join(root, gone)):
                os.remove(os.path.join(root, gone))
    if os.path.exists(os.path.join(root, "p2.index")):
        os.remove(os.path.join(root, "p2.index"))


def fix_checksums(root):
    path = os.path.join(root, "artifacts.xml")
    text = open(path, encoding="utf-8").read()

    def fix(match):
        artifact = match.group(0)
        classifier = re.search(r"classifier='([^']*)'", artifact).group(1)
        iu = re.search(r"id='([^']*)'", artifact).group(1)
        version = re.search(r"version='([^']*)'", artifact).group(1)
        folder = {"osgi.bundle": "plugins", "org.eclipse.update.feature": "features"}.get(classifier)
        if folder is None:
            return artifact
        data = open(os.path.join(root, folder, "%s_%s.jar" % (iu, version)), "rb").read()
        artifact = re.sub(r"(name='(?:download|artifact)\.size' value=')\d+'",
                          lambda m: m.group(1) + str(len(data)) + "'", artifact)

        def digest(m):
            algorithm = {"sha-256": "sha256", "sha-512": "sha512", "md5": "md5", "sha-1": "sha1"}[m.group(2).lower()]
            return m.group(1) + hashlib.new(algorithm, data).hexdigest() + "'"

        artifact = re.sub(r"(name='(?:download|artifact)\.checksum\.([a-zA-Z0-9-]+)' value=')[0-9a-f]+'", digest,
                          artifact)
        return re.sub(r"(name='download\.(md5)' value=')[0-9a-f]+'", digest, artifact)

    text = re.sub(r"<artifact .*?</artifact>", fix, text, flags=re.S)
    open(path, "w", encoding="utf-8").write(text)


def unsign(root):
    jars = glob.glob(os.path.join(root, "plugins", "*.jar")) + glob.glob(os.path.join(root, "features", "*.jar"))
    for jar in jars:
        with zipfile.ZipFile(jar) as z:
            entries = [(i, z.read(i.filename)) for i in z.infolist()
                       if not re.match(r"META-INF/[^/]+\.(SF|RSA|DSA|EC)$", i.filename)]
        with zipfile.ZipFile(jar + ".new", "w", zipfile.ZIP_DEFLATED) as z:
            for info, data in entries:
                if info.filename == "META-INF/MANIFEST.MF":
                    # the main section only: the per-entry digests jarsigner added go
                    data = re.split(rb"\r?\n\r?\n", data, maxsplit=1)[0] + b"\n\n"
                z.writestr(info, data)
        os.replace(jar + ".new", jar)
    fix_checksums(root)


def require(root, unit, bundle):
    path = os.path.join(root, "content.xml")
    text = open(path, encoding="utf-8").read()
    start = text.index("<unit id='%s'" % unit)
    end = text.index("</unit>", start)
    body = text[start:end]
    match = re.search(r"<requires size='(\d+)'>", body)
    extra = "<required namespace='osgi.bundle' name='%s' range='[1.0.0,2.0.0)'/>" % bundle
    body = body.replace(match.group(0), "<requires size='%d'>%s" % (int(match.group(1)) + 1, extra), 1)
    open(path, "w", encoding="utf-8").write(text[:start] + body + text[end:])


def slice_(source, target, *bundles):
    os.makedirs(os.path.join(target, "plugins"))
    for name, element in (("content", "unit"), ("artifacts", "artifact")):
        with zipfile.ZipFile(os.path.join(source, name + ".jar")) as z:
            text = z.read(name + ".xml").decode("utf-8")
        kept = []

        def keep(match):
            if re.search(r"\bid='([^']*)'", match.group(0)).group(1) in bundles:
                kept.append(match.group(0))
            return ""

        rest = re.sub(r"<%s [^>]*?(?:/>|>.*?</%s>)" % (element, element), keep, text, flags=re.S)
        # the emptied list gets the kept elements and their number; the repository's own properties stay
        rest = re.sub(r"<%ss size='\d+'>\s*</%ss>" % (element, element),
                      lambda m: "<%ss size='%d'>\n%s\n</%ss>" % (element, len(kept), "\n".join(kept), element),
                      rest, flags=re.S)
        rest = re.sub(r"<property name='p2\.compressed' value='true'/>", "<property name='p2.compressed' value='false'/>", rest)
        with open(os.path.join(target, name + ".xml"), "w", encoding="utf-8") as f:
            f.write(rest)
    for bundle in bundles:
        jars = glob.glob(os.path.join(source, "plugins", bundle + "_*.jar"))
        if len(jars) != 1:
            sys.exit("%s: %d jars of %s" % (source, len(jars), bundle))
        with open(jars[0], "rb") as f, open(os.path.join(target, "plugins", os.path.basename(jars[0])), "wb") as g:
            g.write(f.read())


if __name__ == "__main__":
    command, arguments = sys.argv[1], sys.argv[2:]
    {"plain": plain, "unsign": unsign, "require": require, "slice": slice_}[command](*arguments)
