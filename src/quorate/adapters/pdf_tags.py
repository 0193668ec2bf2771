"""Keeping the accessibility tags of the parts when they are merged into a pack.

A plain page copy (``qpdf --pages``, ``pikepdf`` ``add_pages_from``) leaves each part's
structure tree behind: the pages keep their ``/StructParents`` keys but nothing they
point at, so a screen reader meets an untagged 300-page document. This module grafts
each tagged part's tree into one tree for the pack:

    StructTreeRoot
      Document
        Part (T = the part's title)   <- each part's top element(s), a Document becomes a Part
        ...

and renumbers the parent tree: a part's keys are shifted by the keys already used, on
its pages (``/StructParents``), its annotations (``/StructParent``) and its page-level
Form XObjects. Role and class maps are merged. The ``/IDTree`` is not carried (IDs may
clash between parts; nothing in a pack refers to them). Parts with no tags (scans)
stay untagged. The page-number stamps are marked as pagination artifacts.
"""

from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name


class TagMerger:
    """Collects the structure of each part as it is appended, then writes one tree."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pdf = pdf
        self.next_key = 0
        self.parts: list[pikepdf.Object] = []
        self.parent_entries: list[tuple[int, pikepdf.Object]] = []
        self.role_map = Dictionary()
        self.class_map = Dictionary()
        self.tagged_parts = 0

    def _copy(self, src: pikepdf.Pdf, obj: pikepdf.Object) -> pikepdf.Object:
        if not isinstance(obj, pikepdf.Object) or not (
            isinstance(obj, Dictionary | Array | pikepdf.Stream)
        ):
            return obj  # names, numbers, strings: no references to follow
        if not obj.is_indirect:
            obj = src.make_indirect(obj)
        return self.pdf.copy_foreign(obj)

    def add(self, src: pikepdf.Pdf, first_page: int, title: str) -> None:
        """Graft ``src``'s tree; its pages were appended to the pack from ``first_page``."""
        root = src.Root.get(Name.StructTreeRoot)
        if root is None:
            return
        top = root.get(Name.K)
        found = list(top) if isinstance(top, Array) else [top] if top is not None else []
        kids = [k for k in found if isinstance(k, Dictionary)]
        # Cut each top element's link to the old root, so copying does not drag the old
        # root (and its parent tree) along; the link is re-made to the new parent below.
        placeholder = src.make_indirect(Dictionary())
        for kid in kids:
            kid.P = placeholder
        copied = [self._copy(src, kid) for kid in kids]
        offset = self.next_key
        highest = -1
        tree = root.get(Name.ParentTree)
        if tree is not None:
            # One copy of the whole tree (its elements were mapped with the kids above),
            # then read it on our side: far cheaper than copying entry by entry.
            copied_tree = self._copy(src, tree)
            for key, value in pikepdf.NumberTree(copied_tree).items():
                highest = max(highest, int(key))
                self.parent_entries.append((int(key) + offset, value))
        next_key = int(root.get(Name.ParentTreeNextKey, highest + 1))
        self.next_key = offset + max(next_key, highest + 1)
        for page in self.pdf.pages[first_page : first_page + len(src.pages)]:
            self._shift(page, offset)
        for name, value in root.get(Name.RoleMap, Dictionary()).items():
            self.role_map[name] = value
        for name, value in root.get(Name.ClassMap, Dictionary()).items():
            self.class_map[name] = self._copy(src, value)
        for element in copied:
            if element.get(Name.S) == Name.Document:
                element.S = Name.Part
            element.T = pikepdf.String(title)
        self.parts.extend(copied)
        self.tagged_parts += 1

    def _shift(self, page: pikepdf.Page, offset: int) -> None:
        if offset == 0:
            return
        obj = page.obj
        if Name.StructParents in obj:
            obj.StructParents = int(obj.StructParents) + offset
        for annot in obj.get(Name.Annots, Array()):
            if isinstance(annot, Dictionary) and Name.StructParent in annot:
                annot.StructParent = int(annot.StructParent) + offset
        xobjects = obj.get(Name.Resources, Dictionary()).get(Name.XObject, Dictionary())
        for xobject in xobjects.values():
            if isinstance(xobject, pikepdf.Stream) and Name.StructParents in xobject:
                xobject.StructParents = int(xobject.StructParents) + offset

    def finish(self, lang: str) -> None:
        """Write the merged tree into the pack (only if some part was tagged)."""
        if not self.tagged_parts:
            return
        pdf = self.pdf
        root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        document = pdf.make_indirect(
            Dictionary(
                Type=Name.StructElem,
                S=Name.Document,
                P=root,
                K=Array(self.parts),
                Lang=pikepdf.String(lang),
            )
        )
        for part in self.parts:
            part.P = document
        root.K = document
        nums: list[object] = []
        for key, value in self.parent_entries:  # already in key order: parts are in order
            nums += [key, value]
        root.ParentTree = pdf.make_indirect(Dictionary(Nums=Array(nums)))
        root.ParentTreeNextKey = self.next_key
        if len(self.role_map):
            root.RoleMap = self.role_map
        if len(self.class_map):
            root.ClassMap = self.class_map
        pdf.Root.StructTreeRoot = root
        pdf.Root.MarkInfo = Dictionary(Marked=True)
