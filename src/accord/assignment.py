"""The best one-to-one assignment of rows to columns (the Hungarian method).

The evaluator pairs expected events with extracted records one to one; taking, for each
expected event in reading order, the first record that fits can pair two events of one type in
one sentence crosswise (an attack on X with the record of the attack on Y), so the pairing is
chosen as a whole instead: the one whose pairs weigh most.
"""

from __future__ import annotations

from collections.abc import Sequence

Weights = Sequence[Sequence[int | None]]  # rows x columns; None: that pair may not be made


def best_assignment(weights: Weights) -> list[int | None]:
    """Each row's column in the assignment of greatest total weight (each column used at most
    once), or None for a row left unpaired; pairs marked None are never made, and a row is
    left unpaired rather than given a pair of weight below zero."""
    rows = len(weights)
    if rows == 0:
        return []
    columns = len(weights[0])
    # Each row also gets a column of its own, of weight 0, standing for "unpaired"; the method
    # minimises cost, so a pair's cost is its weight negated and a forbidden pair costs as
    # much as leaving the row unpaired.
    width = columns + rows

    def cost(row: int, column: int) -> int:
        weight = weights[row][column] if column < columns else None
        return -weight if weight is not None and weight > 0 else 0

    owner = _hungarian(rows, width, cost)
    chosen: list[int | None] = [None] * rows
    for column, row in enumerate(owner):
        if row is not None and column < columns and weights[row][column] is not None:
            chosen[row] = column
    return chosen


def _hungarian(rows: int, width: int, cost) -> list[int | None]:
    """The row assigned to each column in a least-cost assignment of every row (rows <= width),
    by the O(rows^2 * width) shortest augmenting path form of the Hungarian method."""
    infinity = float("inf")
    row_potential = [0.0] * (rows + 1)
    column_potential = [0.0] * (width + 1)
    owner = [0] * (width + 1)  # 1-based row holding each 1-based column; 0: free
    way = [0] * (width + 1)
    for row in range(1, rows + 1):
        owner[0] = row
        free_column = 0
        slack = [infinity] * (width + 1)
        seen = [False] * (width + 1)
        while True:
            seen[free_column] = True
            current = owner[free_column]
            delta, next_column = infinity, 0
            for column in range(1, width + 1):
                if seen[column]:
                    continue
                reduced = (
                    cost(current - 1, column - 1)
                    - row_potential[current]
                    - column_potential[column]
                )
                if reduced < slack[column]:
                    slack[column], way[column] = reduced, free_column
                if slack[column] < delta:
                    delta, next_column = slack[column], column
            for column in range(width + 1):
                if seen[column]:
                    row_potential[owner[column]] += delta
                    column_potential[column] -= delta
                else:
                    slack[column] -= delta
            free_column = next_column
            if owner[free_column] == 0:
                break
        while free_column:
            previous = way[free_column]
            owner[free_column] = owner[previous]
            free_column = previous
    return [owner[column] - 1 if owner[column] else None for column in range(1, width + 1)]
