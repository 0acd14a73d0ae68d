// SPDX-License-Identifier: Apache-2.0
// Tables of a body (<table>, common practice; spec §5.5): 表题, unit line,
// columns, header and body rows, notes. The cell structure is checked here,
// where line and column are known: every row fills the columns, a rowspan
// stays inside its section, spans do not overlap — never repaired.
#include <charconv>
#include <cstring>
#include <utility>

#include "model/document_parser.hpp"
#include "model/xml_source.hpp"

namespace hongtou::model::detail {

namespace {

// A positive whole number no larger than `most`; 0 when it is not one.
int whole(const char* s, int most) {
  int v = 0;
  const char* end = s + std::strlen(s);
  const auto [p, ec] = std::from_chars(s, end, v);
  if (ec != std::errc() || p != end || v < 1 || v > most) return 0;
  return v;
}

struct size_name {
  const char* name;
  double pt;
};
// The type sizes (字号) a 公文 table is set in.
constexpr size_name sizes[] = {{"3号", 16}, {"小三", 15}, {"4号", 14}, {"小四", 12}, {"5号", 10.5}};

constexpr int most_columns = 64;
constexpr int most_span = 10000;

}  // namespace

bool document_parser::read_align(pugi::xml_node n, cell_align& out) {
  const pugi::xml_attribute a = n.attribute("align");
  if (!a) return true;
  static const std::pair<const char*, cell_align> words[] = {{"left", cell_align::left},
                                                             {"centre", cell_align::centre},
                                                             {"right", cell_align::right},
                                                             {"decimal", cell_align::decimal}};
  for (const auto& [w, v] : words)
    if (std::strcmp(a.value(), w) == 0) {
      out = v;
      return true;
    }
  error_at(offset_of(n, a), "bad align \"" + shorten(a.value()) + "\" on " + tag(n.name()) +
                                "; expected left, centre, right or decimal");
  return false;
}

void document_parser::read_columns(pugi::xml_node n, table& t) {
  check_attributes(n, {});
  t.columns_pos = pos_of(n);
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      reject_text(c, n, "<column>");
      continue;
    }
    if (c.type() != pugi::node_element) continue;
    if (std::strcmp(c.name(), "column") != 0) {
      error_at(c, "unknown element " + tag(c.name()) + " in <columns>; expected <column>");
      continue;
    }
    check_attributes(c, {"width", "align"});
    table_column col;
    col.pos = pos_of(c);
    read_align(c, col.align);
    if (const pugi::xml_attribute w = c.attribute("width")) {
      const std::string v = w.value();
      const auto unit_of = [&](const std::string& suffix, table_column::unit u) {
        if (v.size() <= suffix.size() || v.compare(v.size() - suffix.size(), suffix.size(), suffix))
          return false;
        const std::string number = v.substr(0, v.size() - suffix.size());
        if (number.find_first_not_of("0123456789.") != std::string::npos) return false;
        double x = 0;
        const auto [p, ec] = std::from_chars(number.data(), number.data() + number.size(), x);
        if (ec != std::errc() || p != number.data() + number.size() || !(x > 0) || x > 1000)
          return false;
        col.width_unit = u;
        col.width = x;
        return true;
      };
      if (!unit_of("*", table_column::unit::share) && !unit_of("mm", table_column::unit::mm) &&
          !unit_of("em", table_column::unit::em))
        error_at(offset_of(c, w), "bad width \"" + shorten(v) +
                                      "\" on <column>; expected a share (\"2*\"), millimetres "
                                      "(\"30mm\") or characters of the table's size (\"6em\")");
    }
    t.column_specs.push_back(col);
  }
  if (t.column_specs.empty()) error_at(n, "empty <columns>; expected one <column> per column");
  if (t.column_specs.size() > static_cast<size_t>(most_columns))
    error_at(n, "more than " + std::to_string(most_columns) + " columns");
}

// The rows of <thead> or <tbody> into cells, each placed on the first free
// slot of its row (slots below a rowspan are taken); reports what does not fit.
void document_parser::read_rows(pugi::xml_node n, table& t, bool head) {
  check_attributes(n, {});
  std::vector<pugi::xml_node> rows;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      reject_text(c, n, "<row>");
    } else if (c.type() == pugi::node_element) {
      if (std::strcmp(c.name(), "row") == 0)
        rows.push_back(c);
      else
        error_at(c,
                 "unknown element " + tag(c.name()) + " in " + tag(n.name()) + "; expected <row>");
    }
  }
  if (rows.empty()) {
    error_at(n, "empty " + tag(n.name()) + "; expected one <row> or more");
    return;
  }
  std::vector<table_cell>& cells = head ? t.head : t.body;
  const int nrows = static_cast<int>(rows.size());
  // The column count: the <columns>', else the first row's spans (head first).
  if (t.columns == 0) {
    int count = 0;
    for (pugi::xml_node c = rows[0].child("cell"); c; c = c.next_sibling("cell"))
      count += std::max(1, whole(c.attribute("colspan").value(), most_span));
    if (count > most_columns)
      error_at(rows[0], "row 1 of " + tag(n.name()) + " spans " + std::to_string(count) +
                            " columns; a table has at most " + std::to_string(most_columns));
    t.columns = std::min(count, most_columns);
  }
  const int ncols = t.columns;
  // taken[r][c]: the cell (index into cells) that covers slot (r, c), or -1.
  std::vector<std::vector<int>> taken(static_cast<size_t>(nrows),
                                      std::vector<int>(static_cast<size_t>(ncols), -1));
  for (int r = 0; r < nrows; ++r) {
    check_attributes(rows[r], {});
    int col = 0;
    bool over = false;
    for (pugi::xml_node c = rows[r].first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        reject_text(c, rows[r], "<cell>");
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      if (std::strcmp(c.name(), "cell") != 0) {
        error_at(c, "unknown element " + tag(c.name()) + " in <row>; expected <cell>");
        continue;
      }
      check_attributes(c, {"colspan", "rowspan", "align"});
      table_cell cell;
      cell.pos = pos_of(c);
      read_align(c, cell.align);
      for (const char* name : {"colspan", "rowspan"}) {
        const pugi::xml_attribute a = c.attribute(name);
        if (!a) continue;
        const int v = whole(a.value(), most_span);
        if (v == 0)
          error_at(offset_of(c, a), "bad " + std::string(name) + " \"" + shorten(a.value()) +
                                        "\" on <cell>; expected a whole number from 1");
        else
          (name[0] == 'c' ? cell.colspan : cell.rowspan) = v;
      }
      std::string text;
      const std::vector<std::u32string> lines = raw_text(c, /*allow_br=*/true);
      for (size_t k = 0; k < lines.size(); ++k)
        text += (k == 0 ? "" : "\n") + normalise_whitespace({lines[k]}).front();
      cell.text = std::move(text);
      while (col < ncols && taken[r][col] >= 0) ++col;
      if (over) continue;
      if (col + cell.colspan > ncols) {
        error_at(c, "row " + std::to_string(r + 1) + " of " + tag(n.name()) +
                        " has more cells than the " + std::to_string(ncols) + " columns");
        over = true;
        continue;
      }
      if (r + cell.rowspan > nrows) {
        error_at(offset_of(c, c.attribute("rowspan")),
                 "rowspan=\"" + std::to_string(cell.rowspan) + "\" reaches past the last row of " +
                     tag(n.name()) + " (" + std::to_string(nrows - r) + " rows from this one)");
        cell.rowspan = nrows - r;
      }
      for (int dr = 0; dr < cell.rowspan; ++dr)
        for (int dc = 0; dc < cell.colspan; ++dc) {
          int& owner = taken[r + dr][col + dc];
          if (owner >= 0 && !over) {
            const table_cell& other = cells[static_cast<size_t>(owner)];
            error_at(c, "this cell overlaps the cell at " + std::to_string(other.pos.line) + ":" +
                            std::to_string(other.pos.column) + " (its rowspan or colspan)");
            over = true;
          }
          owner = static_cast<int>(cells.size());
        }
      cell.row = r;
      cell.column = col;
      col += cell.colspan;
      cells.push_back(std::move(cell));
    }
    if (!rows[r].child("cell")) {
      error_at(rows[r], "empty <row>; expected one <cell> or more");
      continue;
    }
    int filled = 0;
    for (int k = 0; k < ncols; ++k) filled += taken[r][k] >= 0 ? 1 : 0;
    if (!over && filled < ncols)
      error_at(rows[r], "row " + std::to_string(r + 1) + " of " + tag(n.name()) + " fills " +
                            std::to_string(filled) + " of the " + std::to_string(ncols) +
                            " columns; give an empty <cell/> where a cell has no text");
  }
  (head ? t.head_rows : t.body_rows) = nrows;
}

void document_parser::read_table(pugi::xml_node n, std::vector<block>& body) {
  check_attributes(n, {"size", "repeat-header"});
  auto t = std::make_shared<table>();
  t->pos = pos_of(n);
  if (const pugi::xml_attribute a = n.attribute("size")) {
    for (const size_name& s : sizes)
      if (std::strcmp(a.value(), s.name) == 0) t->size = s.pt;
    if (t->size == 0) {
      const std::string v = a.value();
      double pt = 0;
      if (v.size() > 2 && v.compare(v.size() - 2, 2, "pt") == 0 &&
          v.find_first_not_of("0123456789.") == v.size() - 2) {
        const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size() - 2, pt);
        if (ec != std::errc() || p != v.data() + v.size() - 2) pt = 0;
      }
      if (pt >= 6 && pt <= 22)
        t->size = pt;
      else
        error_at(offset_of(n, a), "bad size \"" + shorten(v) +
                                      "\" on <table>; expected 3号, 小三, 4号, 小四, 5号 or "
                                      "points from 6 to 22, e.g. \"14pt\"");
    }
  }
  if (const pugi::xml_attribute a = n.attribute("repeat-header")) {
    const std::string v = a.value();
    if (v == "yes" || v == "no")
      t->repeat_header = v == "yes" ? 1 : 0;
    else
      error_at(offset_of(n, a),
               "bad repeat-header \"" + shorten(v) + "\" on <table>; expected yes or no");
  }
  static const std::vector<slot> slots = {{"caption", false}, {"unit", false}, {"columns", false},
                                          {"thead", false},   {"tbody", true}, {"notes", false}};
  read_ordered(n, slots, [&](size_t i, pugi::xml_node c) {
    switch (i) {
      case 0:
        t->caption = read_text(c);
        t->caption_pos = pos_of(c);
        break;
      case 1:
        t->unit = read_text(c);
        t->unit_pos = pos_of(c);
        break;
      case 2:
        read_columns(c, *t);
        t->columns = static_cast<int>(t->column_specs.size());
        break;
      case 3:
        read_rows(c, *t, /*head=*/true);
        break;
      case 4:
        read_rows(c, *t, /*head=*/false);
        break;
      default:
        read_notes(c, *t);
        break;
    }
  });
  block b;
  b.kind = block_kind::table;
  b.pos = t->pos;
  b.tab = std::move(t);
  body.push_back(std::move(b));
}

void document_parser::read_notes(pugi::xml_node n, table& t) {
  for (attachment_item& note : read_items(n, "p", "note"))
    t.notes.push_back({std::move(note.name), 0, false, note.pos});
}

}  // namespace hongtou::model::detail
