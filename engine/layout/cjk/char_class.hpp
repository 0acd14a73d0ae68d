// SPDX-License-Identifier: Apache-2.0
#pragma once
// Character classes for Chinese line composition: which characters take a
// full grid cell, and where a mark sits in its cell (GB/T 15834-2011 and
// W3C clreq for the marks).

namespace hongtou::layout::cjk {

/// True for characters set on a full grid cell: East Asian Wide/Fullwidth
/// (ideographs, full-width punctuation) and the ambiguous-width marks that
/// Chinese text sets full-width: “ ” ‘ ’ — ― … (never narrow them).
bool is_wide(char32_t c);

/// True for marks that sit in the right half of their cell: opening quotes.
bool is_opening_mark(char32_t c);

/// Full-width marks whose glyph sits in the left half of the cell, the right
/// half blank (clreq 3.1.6.2, GB/T 15834-2011 mainland style): closing
/// brackets and quotes, and 、，。；：. Not ？！ (their glyphs often fill more).
bool is_clreq_closing(char32_t c);

/// Full-width opening brackets and quotes: the glyph in the right half of
/// the cell, the left half blank (clreq 3.1.6.2).
bool is_clreq_opening(char32_t c);

/// Spaces that may be dropped at a line end.
bool is_space(char32_t c);

}  // namespace hongtou::layout::cjk
