import CFuzzerDriver
import Foundation

// Hands over to libFuzzer, which parses its own flags and calls `fuzzOne` for each input.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) })
