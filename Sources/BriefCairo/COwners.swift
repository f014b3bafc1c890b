internal import CPangoCairo

// Small owners of C pointers: each frees its pointer exactly once, in deinit. Nothing here
// is public; Pango objects must only be touched while holding `FontLibrary`'s lock, and the
// fontconfig and Pango owners take it to free theirs.

/// A fontconfig configuration.
final class FcConfigOwner {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { FontLibrary.locked { FcConfigDestroy(pointer) } }
}

/// A fontconfig pattern.
final class FcPatternOwner {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { FontLibrary.locked { FcPatternDestroy(pointer) } }
}

/// Any GObject (font map, Pango context, Pango layout).
final class GObjectOwner {
    let pointer: UnsafeMutableRawPointer
    init(_ pointer: UnsafeMutableRawPointer) { self.pointer = pointer }
    deinit { FontLibrary.locked { g_object_unref(pointer) } }
    var opaque: OpaquePointer { OpaquePointer(pointer) }
}

/// A Pango font description.
final class FontDescriptionOwner {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { FontLibrary.locked { pango_font_description_free(pointer) } }
}

/// A cairo font-options object.
final class FontOptionsOwner {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { cairo_font_options_destroy(pointer) }
}

/// A cairo surface.
final class SurfaceOwner {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { FontLibrary.locked { cairo_surface_destroy(pointer) } }
    var status: cairo_status_t { cairo_surface_status(pointer) }
}

/// A cairo drawing context.
final class CairoOwner {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { FontLibrary.locked { cairo_destroy(pointer) } }
    var status: cairo_status_t { cairo_status(pointer) }
}

/// Cairo's message for a status.
func cairoMessage(_ status: cairo_status_t) -> String {
    String(cString: cairo_status_to_string(status))
}
