// SPDX-License-Identifier: Apache-2.0
#pragma once
// Content rules of GB/T 9704 that a document can break while still being
// valid XML: the forms of the 份号, 密级 and 紧急程度 (7.2.1–7.2.3), of the
// 发文字号 (7.2.5) and of the 成文日期 (7.3.5.4).
#include "core/diagnostic.hpp"
#include "model/document.hpp"

namespace hongtou::model {

/// Adds a warning for each content rule the document breaks; never an error.
void check_document(const document& doc, diagnostics& diags);

}  // namespace hongtou::model
