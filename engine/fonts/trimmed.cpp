// SPDX-License-Identifier: Apache-2.0
#include "fonts/trimmed.hpp"

#include <hb-subset.h>
#include <sys/stat.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "core/c_ptr.hpp"
#include "core/cache_file.hpp"
#include "fonts/face.hpp"
#include "fonts/subset.hpp"

namespace hongtou::fonts {

namespace {

using blob_ptr = c_ptr<hb_blob_t, hb_blob_destroy>;
using hb_face_ptr = c_ptr<hb_face_t, hb_face_destroy>;

// The cache file: this magic, the key (what the copy was made from), the
// whole face's glyph id of each of the copy's glyphs, then the copy, each
// part a little-endian u32 length first and padded to 4 bytes. A count of
// 0 glyphs records a face not to trim.
constexpr char magic[16] = "hongtou trim 5\n";

// Characters of GB 2312 (GB/T 2312-1980, through ICU's EUC-CN converter):
// its 6,763 hanzi and 682 symbols.
void add_gb2312(std::vector<uint32_t>& out) {
  UErrorCode status = U_ZERO_ERROR;
  c_ptr<UConverter, ucnv_close> cnv(ucnv_open("GB2312", &status));
  if (U_FAILURE(status) || !cnv) return;
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  for (unsigned lead = 0xA1; lead <= 0xF7; ++lead)
    for (unsigned trail = 0xA1; trail <= 0xFE; ++trail) {
      const char bytes[2] = {static_cast<char>(lead), static_cast<char>(trail)};
      UChar u[4];
      status = U_ZERO_ERROR;
      ucnv_reset(cnv.get());
      const int32_t n = ucnv_toUChars(cnv.get(), u, 4, bytes, 2, &status);
      // One BMP character, not in the private use area (ICU's unassigned codes).
      if (U_SUCCESS(status) && n == 1 && (u[0] < 0xE000 || u[0] > 0xF8FF)) out.push_back(u[0]);
    }
}

// 64-bit FNV-1a: the cache file's name from the face's path and index.
uint64_t fnv1a(const std::string& s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

// What the copy depends on: the font file's identity and the face index,
// HarfBuzz's version (its subsetter makes the copy) and the characters kept
// (the format's version).
bool cache_key(const face& full, std::string& key) {
  struct stat st {};
  if (full.path().empty() || ::stat(full.path().c_str(), &st) != 0 || !S_ISREG(st.st_mode))
    return false;
  key = std::string(magic) + hb_version_string() + "\n" + full.path() + "\n" +
        std::to_string(full.index()) + "\n" + std::to_string(st.st_size) + "\n" +
        std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) + "\n" +
        std::to_string(st.st_ino) + "\n" + std::to_string(st.st_dev) + "\n";
  // The head table (checksum adjustment, dates): a font rewritten in place
  // with its old size and time is still told apart.
  const blob_ptr head(hb_face_reference_table(full.hb(), HB_TAG('h', 'e', 'a', 'd')));
  unsigned len = 0;
  const char* data = hb_blob_get_data(head.get(), &len);
  static const char hex[] = "0123456789abcdef";
  for (unsigned i = 0; i < len; ++i) {
    key += hex[(static_cast<unsigned char>(data[i]) >> 4) & 15];
    key += hex[static_cast<unsigned char>(data[i]) & 15];
  }
  key += "\n";
  return true;
}

void put_u32(std::vector<uint8_t>& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<uint8_t>(v >> (8 * i)));
}

void put_part(std::vector<uint8_t>& out, const uint8_t* data, size_t size) {
  put_u32(out, static_cast<uint32_t>(size));
  out.insert(out.end(), data, data + size);
  while (out.size() % 4) out.push_back(0);
}

// Reads the parts of a cache file, bounds-checked.
class reader {
 public:
  reader(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  bool u32(uint32_t& v) {
    if (size_ - at_ < 4) return false;
    v = 0;
    for (int i = 0; i < 4; ++i) v |= uint32_t{data_[at_ + i]} << (8 * i);
    at_ += 4;
    return true;
  }
  // A part: its offset and length; the reader moves past its padding.
  bool part(size_t& offset, uint32_t& length) {
    if (!u32(length) || size_ - at_ < length) return false;
    offset = at_;
    at_ += (length + 3u) & ~3u;
    at_ = std::min(at_, size_);
    return true;
  }
  const uint8_t* at(size_t offset) const { return data_ + offset; }

 private:
  const uint8_t* data_;
  size_t size_, at_ = 0;
};

// The copy: the glyphs the characters() are shaped to, each alone, as
// layout/shape shapes Chinese text (set_chinese_text, HarfBuzz's default
// features), then subset as an embedded
// font is, so that the final subsets' own pass over it does what it does
// over the whole face. A glyph only a context gives (a ligature) takes the
// whole face.
bool make_copy(const face& full, std::vector<uint8_t>& font, std::vector<uint32_t>& kept) {
  std::vector<uint32_t> glyphs{0};
  {
    c_ptr<hb_buffer_t, hb_buffer_destroy> buf(hb_buffer_create());
    if (!hb_buffer_allocation_successful(buf.get())) return false;
    for (uint32_t cp : trimmed_face::characters()) {
      hb_buffer_clear_contents(buf.get());
      hb_buffer_add_utf32(buf.get(), &cp, 1, 0, 1);
      set_chinese_text(buf.get());
      hb_shape(full.hb_font(), buf.get(), nullptr, 0);
      unsigned n = 0;
      const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf.get(), &n);
      for (unsigned k = 0; k < n; ++k)
        if (info[k].codepoint != 0) glyphs.push_back(info[k].codepoint);
    }
    std::sort(glyphs.begin(), glyphs.end());
    glyphs.erase(std::unique(glyphs.begin(), glyphs.end()), glyphs.end());
  }
  const auto input = detail::embedding_input(glyphs, true);
  if (!input) return false;
  const c_ptr<hb_subset_plan_t, hb_subset_plan_destroy> plan(
      hb_subset_plan_create_or_fail(full.hb(), input.get()));
  if (!plan) return false;
  const hb_face_ptr sub(hb_subset_plan_execute_or_fail(plan.get()));
  if (!sub) return false;
  const hb_map_t* new_to_old = hb_subset_plan_new_to_old_glyph_mapping(plan.get());
  const unsigned n = hb_face_get_glyph_count(sub.get());
  kept.clear();
  for (unsigned g = 0; g < n; ++g) {
    const hb_codepoint_t old = hb_map_get(new_to_old, g);
    // The copy's glyphs keep the whole face's order, and so do the subsets
    // made from it (the mapping back is a search): else no copy.
    if (old == HB_MAP_VALUE_INVALID || (!kept.empty() && old <= kept.back())) return false;
    kept.push_back(old);
  }
  if (kept.empty() || kept[0] != 0) return false;
  const blob_ptr blob(hb_face_reference_blob(sub.get()));
  unsigned len = 0;
  const auto* data = reinterpret_cast<const uint8_t*>(hb_blob_get_data(blob.get(), &len));
  if (len == 0) return false;
  font.assign(data, data + len);
  return true;
}

}  // namespace

const std::vector<uint32_t>& trimmed_face::characters() {
  static const std::vector<uint32_t> chars = [] {
    std::vector<uint32_t> out;
    auto add = [&](uint32_t from, uint32_t to) {
      for (uint32_t c = from; c <= to; ++c) out.push_back(c);
    };
    add(0x20, 0x7E);      // ASCII
    add(0xA0, 0xFF);      // Latin-1
    add(0x2000, 0x206F);  // General Punctuation: — ‘’ “” … ‰
    add(0x2100, 0x218F);  // Letterlike Symbols, Number Forms: ℃ № Ⅰ Ⅱ
    add(0x2190, 0x21FF);  // Arrows
    add(0x2460, 0x24FF);  // Enclosed Alphanumerics: ① ⑴ ⒈
    add(0x25A0, 0x25FF);  // Geometric Shapes: ○ ● □ ■ △
    add(0x3000, 0x303F);  // CJK Symbols and Punctuation: 、。〈〉《》「」〔〕
    add(0x3200, 0x33FF);  // Enclosed CJK Letters, CJK Compatibility: ㈠ ㎡
    add(0xFF00, 0xFFEF);  // Halfwidth and Fullwidth Forms: ，：；（）
    add_gb2312(out);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }();
  return chars;
}

std::string trimmed_face::cache_file(const face& full, const std::string& folder) {
  // Named after the face alone: a copy made stale by a new font file or
  // HarfBuzz is replaced, not left beside the new one.
  if (folder.empty() || full.path().empty()) return {};
  char name[32];
  std::snprintf(
      name, sizeof name, "trim-%016llx.font",
      static_cast<unsigned long long>(fnv1a(full.path() + "#" + std::to_string(full.index()))));
  return (std::filesystem::path(folder) / name).string();
}

trimmed_face::~trimmed_face() {
  if (preprocessed_) hb_face_destroy(preprocessed_);
  if (face_) hb_face_destroy(face_);
  if (file_) hb_blob_destroy(file_);
}

std::unique_ptr<trimmed_face> trimmed_face::read(const face& full, const std::string& key,
                                                 const std::string& path, bool& not_to_trim) {
  not_to_trim = false;
  std::unique_ptr<trimmed_face> t(new trimmed_face());
  t->file_ = hb_blob_create_from_file_or_fail(path.c_str());
  if (!t->file_) return nullptr;
  unsigned size = 0;
  const auto* data = reinterpret_cast<const uint8_t*>(hb_blob_get_data(t->file_, &size));
  if (size < sizeof magic || std::memcmp(data, magic, sizeof magic) != 0) return nullptr;
  const uint8_t* body = data + sizeof magic;
  reader in(body, size - sizeof magic);
  size_t key_at = 0, kept_at = 0, font_at = 0;
  uint32_t key_len = 0, kept_len = 0, font_len = 0;
  if (!in.part(key_at, key_len) || key_len != key.size() ||
      std::memcmp(body + key_at, key.data(), key_len) != 0 || !in.part(kept_at, kept_len) ||
      kept_len % 4 != 0)
    return nullptr;
  if (kept_len == 0) {
    not_to_trim = true;
    return nullptr;
  }
  if (!in.part(font_at, font_len) || font_len == 0) return nullptr;
  reader ids(body + kept_at, kept_len);
  for (uint32_t v = 0; ids.u32(v);) t->kept_.push_back(v);
  const blob_ptr font(
      hb_blob_create_sub_blob(t->file_, static_cast<unsigned>(sizeof magic + font_at), font_len));
  t->face_ = hb_face_create(font.get(), 0);
  const bool ascending = std::adjacent_find(t->kept_.begin(), t->kept_.end(),
                                            std::greater_equal<uint32_t>()) == t->kept_.end();
  if (!ascending || t->kept_.empty() || t->kept_[0] != 0 ||
      t->kept_.back() >= hb_face_get_glyph_count(full.hb()) ||
      hb_face_get_glyph_count(t->face_) != t->kept_.size())
    return nullptr;
  return t;
}

std::unique_ptr<trimmed_face> trimmed_face::open(const face& full, const trim_settings& settings) {
  if (hb_face_get_glyph_count(full.hb()) < min_glyphs) return nullptr;
  // The stored copy, when there is a folder and the font is a file.
  std::string key, path;
  if (!settings.folder.empty() && cache_key(full, key)) path = cache_file(full, settings.folder);
  if (!path.empty()) {
    bool not_to_trim = false;
    if (auto stored = read(full, key, path, not_to_trim)) return stored;
    if (not_to_trim) return nullptr;
  }
  // Made, and stored when it can be; a face hb-subset cannot trim in order
  // is recorded as one not to trim.
  std::unique_ptr<trimmed_face> t(new trimmed_face());
  const bool made = make_copy(full, t->bytes_, t->kept_);
  if (!path.empty()) {
    cache_writer out(path);
    if (out.ready()) {
      std::vector<uint8_t> file(magic, magic + sizeof magic);
      put_part(file, reinterpret_cast<const uint8_t*>(key.data()), key.size());
      if (made) {
        std::vector<uint8_t> ids;
        for (uint32_t g : t->kept_) put_u32(ids, g);
        put_part(file, ids.data(), ids.size());
        put_part(file, t->bytes_.data(), t->bytes_.size());
      } else {
        put_u32(file, 0);
      }
      out.commit(file);  // a cache: when it cannot be written, the copy is still used
    }
  }
  if (!made) return nullptr;
  t->file_ = hb_blob_create_or_fail(reinterpret_cast<const char*>(t->bytes_.data()),
                                    static_cast<unsigned>(t->bytes_.size()),
                                    HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  if (!t->file_) return nullptr;
  t->face_ = hb_face_create(t->file_, 0);
  return t;
}

hb_face_t* trimmed_face::source(bool preprocessed) const {
  if (!preprocessed) return face_;
  std::call_once(preprocess_once_, [this] { preprocessed_ = hb_subset_preprocess(face_); });
  return preprocessed_ ? preprocessed_ : face_;
}

const cff::copy_source* trimmed_face::cff_copy() const {
  std::call_once(copy_once_, [this] { copy_ = open_cff_copy(face_); });
  return copy_.get();
}

bool trimmed_face::map(const std::vector<uint32_t>& glyphs, std::vector<uint32_t>& out) const {
  out.clear();
  out.reserve(glyphs.size());
  for (uint32_t g : glyphs) {
    const auto it = std::lower_bound(kept_.begin(), kept_.end(), g);
    if (it == kept_.end() || *it != g) return false;
    out.push_back(static_cast<uint32_t>(it - kept_.begin()));
  }
  return true;
}

}  // namespace hongtou::fonts
