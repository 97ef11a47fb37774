# Every library comes from a Debian package (see .ci/install-deps); nothing is downloaded.
find_package(PkgConfig REQUIRED)
find_package(fmt REQUIRED)
find_package(PNG REQUIRED)
find_package(JPEG REQUIRED)
find_package(Threads REQUIRED)
find_package(doctest REQUIRED)
pkg_check_modules(pugixml REQUIRED IMPORTED_TARGET pugixml)
pkg_check_modules(fribidi REQUIRED IMPORTED_TARGET fribidi)
pkg_check_modules(utf8proc REQUIRED IMPORTED_TARGET libutf8proc)
pkg_check_modules(libdeflate REQUIRED IMPORTED_TARGET libdeflate)
set(LIBDEFLATE PkgConfig::libdeflate)

# libharu ships neither a CMake config nor a pkg-config file in Debian.
find_library(HPDF_LIBRARY NAMES hpdf REQUIRED)
find_path(HPDF_INCLUDE_DIR hpdf.h REQUIRED)
add_library(hpdf UNKNOWN IMPORTED)
set_target_properties(hpdf PROPERTIES
  IMPORTED_LOCATION "${HPDF_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${HPDF_INCLUDE_DIR}")

# A fact sheet takes a few tens of milliseconds, so loading shared libraries is a real share of
# one: the C++ runtime, fmt, pugixml, FriBidi, libjpeg, libdeflate and utf8proc, which Debian
# also ships as archives, are linked into the program (fewer libraries to map at every start).
option(FACTPRESS_STATIC_LIBS "Link the libraries Debian ships as archives into the program" ON)
set(FACTPRESS_LIBS PkgConfig::pugixml fmt::fmt JPEG::JPEG PkgConfig::fribidi PkgConfig::utf8proc)
if(FACTPRESS_STATIC_LIBS AND NOT FACTPRESS_SANITIZE AND NOT FACTPRESS_FUZZ)
  find_library(PUGIXML_ARCHIVE libpugixml.a REQUIRED)
  find_library(FRIBIDI_ARCHIVE libfribidi.a REQUIRED)
  find_library(JPEG_ARCHIVE libjpeg.a REQUIRED)
  find_library(LIBDEFLATE_ARCHIVE libdeflate.a REQUIRED)
  find_library(UTF8PROC_ARCHIVE libutf8proc.a REQUIRED)
  set(LIBDEFLATE ${LIBDEFLATE_ARCHIVE})
  set(FACTPRESS_LIBS ${PUGIXML_ARCHIVE} fmt::fmt-header-only ${JPEG_ARCHIVE} ${FRIBIDI_ARCHIVE}
    ${UTF8PROC_ARCHIVE})
  include_directories(${pugixml_INCLUDE_DIRS} ${fribidi_INCLUDE_DIRS} ${JPEG_INCLUDE_DIRS}
    ${utf8proc_INCLUDE_DIRS})
  add_link_options(-static-libstdc++ -static-libgcc)
endif()
