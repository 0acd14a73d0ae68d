// SPDX-License-Identifier: Apache-2.0
#pragma once
// The engine's C++ API, for the engine's own code: the installed public
// header <hongtou/hongtou.hpp> (include/hongtou/hongtou.hpp).
#include <hongtou/hongtou.hpp>
