"""The national layout: merged headers where the State Council's format has them, every figure named by its headers."""

import pytest

from disclosure.reports import formats, layout


def spans(grid):
    return {cell.text: (cell.rowspan, cell.colspan) for cell in grid.cells() if cell.header}


@pytest.mark.parametrize("code", list(formats.FILES))
def test_every_cell_of_the_format_appears_once_and_the_grid_is_rectangular(code):
    fmt = formats.get(code)
    seen = []
    for grid in layout.grids(fmt):
        matrix = grid.matrix()
        assert all(entry is not None for row in matrix for entry in row), grid.caption
        seen += [cell.cell for cell in grid.cells() if cell.is_figure]
    assert sorted(seen) == sorted(fmt.cells)


def test_table_three_nests_outcomes_under_their_groups_as_the_format_does():
    grid = layout.grid(formats.get("national-2021"), "t3")
    found = spans(grid)
    assert found["三、本年度办理结果"] == (22, 1)
    assert found["（三）不予公开"] == (8, 1)
    assert found["（四）无法提供"] == (3, 1)
    assert found["（一）予以公开"] == (1, 2)
    assert found["四、结转下年度继续办理"] == (1, 3)
    assert found["法人或其他组织"] == (1, 5)
    assert found["自然人"] == (2, 1)
    assert found["申请人情况"] == (1, 7)
    assert grid.head_rows == 3 and grid.width == 10


def test_a_figure_is_named_by_every_header_above_and_beside_it():
    grid = layout.grid(formats.get("national-2021"), "t3")
    names = {cell.id: cell.text for cell in grid.cells() if cell.id}
    figure = next(cell for cell in grid.cells() if cell.cell == "t3:not_disclosed.state_secret:commercial")
    assert [names[header] for header in figure.headers] == [
        "三、本年度办理结果",
        "（三）不予公开",
        "1.属于国家秘密",
        "申请人情况",
        "法人或其他组织",
        "商业企业",
    ]


def test_table_four_is_one_line_of_fifteen_figures_under_its_groups():
    grid = layout.grid(formats.get("national-2021"), "t4")
    assert grid.width == 15
    assert [cell.cell for cell in grid.rows[-1]][:2] == ["t4:review:upheld", "t4:review:corrected"]
    found = spans(grid)
    assert found["行政复议"] == (2, 5)
    assert found["行政诉讼"] == (1, 10)
    assert found["复议后起诉"] == (1, 5)


def test_table_two_blocks_keep_the_width_of_the_widest():
    grid = layout.grid(formats.get("national-2021"), "t2")
    assert grid.width == 4
    fees = next(cell for cell in grid.cells() if cell.cell == "t2:fees:amount")
    assert fees.colspan == 3
    assert spans(grid)["第二十条第（八）项"] == (1, 4)
