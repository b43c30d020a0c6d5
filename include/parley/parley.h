// Umbrella header: everything an app needs.
#ifndef PARLEY_PARLEY_H_
#define PARLEY_PARLEY_H_

#include "parley/action.h"
#include "parley/bot.h"
#include "parley/options.h"
#include "parley/reply.h"
#include "parley/session_store.h"
#include "parley/status.h"

#endif  // PARLEY_PARLEY_H_
