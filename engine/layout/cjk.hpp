#pragma once
// Character classes for Chinese line composition (spec §10.3, §11).

namespace hongtou::layout {

/// True for characters set on a full grid cell: East Asian Wide/Fullwidth
/// (ideographs, full-width punctuation) and the ambiguous-width marks that
/// Chinese text sets full-width: “ ” ‘ ’ — … (spec §10.3: never narrow them).
bool is_wide(char32_t c);

/// True for marks that sit in the right half of their cell: opening quotes.
bool is_opening_mark(char32_t c);

/// spec §11.2 "must not start a line".
bool is_no_line_start(char32_t c);

/// spec §11.2 "must not end a line".
bool is_no_line_end(char32_t c);

/// Spaces that may be dropped at a line end.
bool is_space(char32_t c);

}  // namespace hongtou::layout
