// Symbol visibility for libparley. Everything is hidden unless marked PARLEY_API.
#ifndef PARLEY_EXPORT_H_
#define PARLEY_EXPORT_H_

#if defined(_WIN32)
#define PARLEY_API
#else
#define PARLEY_API __attribute__((visibility("default")))
#endif

#endif  // PARLEY_EXPORT_H_
