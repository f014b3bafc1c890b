print("qbrief")
