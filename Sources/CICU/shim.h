// ICU's headers rename every function with its version suffix through macros Swift cannot import.
// Disable the renaming and bind each function used to its versioned symbol explicitly.
#ifndef DOSSIER_CICU_SHIM_H
#define DOSSIER_CICU_SHIM_H

#define U_DISABLE_RENAMING 1
#include <unicode/uvernum.h>

#define DOSSIER_ICU_STR2(x) #x
#define DOSSIER_ICU_STR(x) DOSSIER_ICU_STR2(x)
#define DOSSIER_ICU_BIND(f) _Pragma(DOSSIER_ICU_STR(redefine_extname f U_ICU_ENTRY_POINT_RENAME(f)))

DOSSIER_ICU_BIND(ubrk_open)
DOSSIER_ICU_BIND(ubrk_clone)
DOSSIER_ICU_BIND(ubrk_close)
DOSSIER_ICU_BIND(ubrk_setText)
DOSSIER_ICU_BIND(ubrk_first)
DOSSIER_ICU_BIND(ubrk_next)
DOSSIER_ICU_BIND(ubrk_getRuleStatus)
DOSSIER_ICU_BIND(u_getIntPropertyValue)
DOSSIER_ICU_BIND(u_hasBinaryProperty)
DOSSIER_ICU_BIND(unum_open)
DOSSIER_ICU_BIND(unum_close)
DOSSIER_ICU_BIND(unum_parseDouble)
DOSSIER_ICU_BIND(ures_open)
DOSSIER_ICU_BIND(ures_close)
DOSSIER_ICU_BIND(ures_getByKey)
DOSSIER_ICU_BIND(ures_getSize)
DOSSIER_ICU_BIND(ures_getStringByIndex)

#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unum.h>
#include <unicode/ures.h>

/// The package name of ICU's break-iterator data ("icudt72l-brkitr"), where the sentence-break
/// suppressions of each locale live.
static inline const char *dossier_icu_brkitr_package(void) {
    return U_ICUDATA_NAME "-brkitr";
}

#endif
