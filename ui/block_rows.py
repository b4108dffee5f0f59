"""The rows of a long list of ids, fetched a block at a time when first painted.

The worklist and the referral board hold only ids (100k of them on a county's caseload);
a view asks for the rows it paints, and the block around a row comes in one query and
stays in a bounded cache (STYLE.md: Anki's browser table).
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Generic
from typing import TypeVar

from PySide6.QtCore import QAbstractTableModel
from PySide6.QtCore import QModelIndex

RowT = TypeVar("RowT")


class BlockRows(Generic[RowT]):
    def __init__(self, fetch: Callable[[list[str]], dict[str, RowT]], block: int, limit: int):
        self.fetch, self.block, self.limit = fetch, block, limit
        self.ids: list[str] = []
        self._cache: OrderedDict[str, RowT] = OrderedDict()

    def reset(self, ids: list[str]) -> None:
        """New ids; every row is fetched again when painted (its data may have changed)."""
        self.ids = ids
        self._cache.clear()

    def row(self, index: int) -> RowT | None:
        """The row at `index`; None if its record vanished since the ids were read."""
        key = self.ids[index]
        found = self._cache.get(key)
        if found is None:
            start = index - index % self.block
            self._cache.update(self.fetch(self.ids[start:start + self.block]))
            while len(self._cache) > self.limit:
                self._cache.popitem(last=False)
            found = self._cache.get(key)
        return found

    def index_of(self, key: str) -> int:
        try:
            return self.ids.index(key)
        except ValueError:
            return -1


class BlockTableModel(QAbstractTableModel):
    """A table model over BlockRows: rowCount is the number of ids; subclasses answer data()."""

    def __init__(self, fetch: Callable[[list[str]], dict], block: int, limit: int, parent=None):
        super().__init__(parent)
        self._rows = BlockRows(fetch, block, limit)

    @property
    def _ids(self) -> list[str]:
        return self._rows.ids

    def row_of(self, key: str) -> int:
        return self._rows.index_of(key)

    def row_data(self, row: int):
        return self._rows.row(row)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows.ids)
