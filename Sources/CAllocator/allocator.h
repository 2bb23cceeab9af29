// The C library's allocator settings (mallopt), for Platform.keepFreedMemory. Only a
// header of the C library itself: nothing is linked that the product does not link
// already. Empty where the C library is not glibc.
#if defined(__linux__) && __has_include(<malloc.h>)
#include <malloc.h>
#endif
