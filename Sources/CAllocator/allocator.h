// The C library's allocator settings (mallopt), for Platform.tuneAllocator. Only a
// header of the C library itself: nothing is linked that the product does not link
// already. Empty where the C library is not glibc (musl's and Bionic's malloc.h have no
// mallopt to speak of, macOS and Windows no malloc.h).
#if defined(__linux__) && __has_include(<features.h>)
#include <features.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#endif
