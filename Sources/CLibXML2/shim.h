// libxml2 is built with ICU on Debian; hide the ICU parts so that this module can live beside
// Foundation (see the project's notes on HTML).
#ifndef DOSSIER_CLIBXML2_SHIM_H
#define DOSSIER_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlmemory.h>

/// `xmlFree` is a global function pointer; Swift 6 rejects it as shared mutable state.
static inline void dossier_xmlFree(void *p) { xmlFree(p); }
#endif
