// SPDX-License-Identifier: Apache-2.0
#pragma once
// small_vector: a vector holding up to N elements in place and more on the
// heap, for the many short lists of the hot paths (a cluster's glyphs: one
// or two nearly always), which std::vector would allocate one by one.
#include <cstddef>
#include <vector>

namespace hongtou {

template <typename T, size_t N>
class small_vector {
 public:
  size_t size() const { return heap_.empty() ? count_ : heap_.size(); }
  bool empty() const { return size() == 0; }
  const T& operator[](size_t i) const { return heap_.empty() ? in_place_[i] : heap_[i]; }
  T& operator[](size_t i) { return heap_.empty() ? in_place_[i] : heap_[i]; }
  const T* begin() const { return heap_.empty() ? in_place_ : heap_.data(); }
  const T* end() const { return begin() + size(); }

  void push_back(const T& v) {
    if (heap_.empty() && count_ < N) {
      in_place_[count_++] = v;
      return;
    }
    if (heap_.empty()) heap_.assign(in_place_, in_place_ + count_);  // the first spill
    heap_.push_back(v);
  }

 private:
  T in_place_[N] = {};
  size_t count_ = 0;     // elements in place while heap_ is empty
  std::vector<T> heap_;  // every element, once there are more than N
};

}  // namespace hongtou
