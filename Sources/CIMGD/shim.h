#ifndef CIMGD_SHIM_H
#define CIMGD_SHIM_H
#include <gd.h>
#include <dlfcn.h>
#include <stdio.h>

// libgd is loaded with dlopen on first use, never linked: `imctl` is one binary for client and server, and the
// client must not pay for loading libgd (and its image codecs) at start-up. gd.h supplies the types only; each
// function is resolved with dlsym into a typed pointer. Callers serialise these calls (the first one loads).

static inline void *imgd_symbol(const char *name) {
    static void *handle = NULL;
    if (handle == NULL) handle = dlopen("libgd.so.3", RTLD_NOW | RTLD_LOCAL);
    return handle == NULL ? NULL : dlsym(handle, name);
}

/// 1 when libgd.so.3 can be loaded.
static inline int imgd_available(void) { return imgd_symbol("gdImageDestroy") != NULL; }

typedef gdImagePtr (*imgd_create_fn)(FILE *);
typedef gdImagePtr (*imgd_scale_fn)(const gdImagePtr, const unsigned int, const unsigned int);
typedef void *(*imgd_jpeg_ptr_fn)(gdImagePtr, int *, int);
typedef void *(*imgd_png_ptr_fn)(gdImagePtr, int *);
typedef void (*imgd_destroy_fn)(gdImagePtr);
typedef void (*imgd_free_fn)(void *);

/// Decodes a JPEG (format 1), PNG (2) or GIF (3) from an open file; NULL when it is not one.
static inline gdImagePtr imgd_create(int format, FILE *file) {
    const char *name = format == 1 ? "gdImageCreateFromJpeg" : format == 2 ? "gdImageCreateFromPng" : "gdImageCreateFromGif";
    imgd_create_fn create = (imgd_create_fn)imgd_symbol(name);
    return create == NULL ? NULL : create(file);
}

static inline int imgd_width(gdImagePtr image) { return gdImageSX(image); }
static inline int imgd_height(gdImagePtr image) { return gdImageSY(image); }

static inline gdImagePtr imgd_scale(gdImagePtr image, unsigned int width, unsigned int height) {
    imgd_scale_fn scale = (imgd_scale_fn)imgd_symbol("gdImageScale");
    return scale == NULL ? NULL : scale(image, width, height);
}

/// Encodes as JPEG (quality 0–100); free the bytes with imgd_free.
static inline void *imgd_jpeg(gdImagePtr image, int *size, int quality) {
    imgd_jpeg_ptr_fn encode = (imgd_jpeg_ptr_fn)imgd_symbol("gdImageJpegPtr");
    return encode == NULL ? NULL : encode(image, size, quality);
}

/// Encodes as PNG; free the bytes with imgd_free.
static inline void *imgd_png(gdImagePtr image, int *size) {
    imgd_png_ptr_fn encode = (imgd_png_ptr_fn)imgd_symbol("gdImagePngPtr");
    return encode == NULL ? NULL : encode(image, size);
}

static inline void imgd_destroy(gdImagePtr image) {
    imgd_destroy_fn destroy = (imgd_destroy_fn)imgd_symbol("gdImageDestroy");
    if (destroy != NULL) destroy(image);
}

static inline void imgd_free(void *bytes) {
    imgd_free_fn release = (imgd_free_fn)imgd_symbol("gdFree");
    if (release != NULL) release(bytes);
}
#endif
